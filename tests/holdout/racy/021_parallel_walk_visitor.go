// shape: S25 (Uber variant) — a tree walker spawns a goroutine per child and calls the visitor there; the caller's visitor writes a map
package main

import (
	"fmt"
	"sync"
)

type Node struct {
	Path     string
	Size     int64
	Children []*Node
}

// Walk visits n and its descendants concurrently.
func Walk(n *Node, visit func(*Node)) {
	var wg sync.WaitGroup
	var walk func(*Node)
	walk = func(n *Node) {
		defer wg.Done()
		visit(n)
		for _, c := range n.Children {
			wg.Add(1)
			go walk(c)
		}
	}
	wg.Add(1)
	walk(n)
	wg.Wait()
}

func diskUsage(root *Node) map[string]int64 {
	sizes := make(map[string]int64)
	Walk(root, func(n *Node) {
		sizes[n.Path] = n.Size // want MG001|MG004
	})
	return sizes
}

func buildTree(path string, depth int) *Node {
	n := &Node{Path: path, Size: int64(len(path))}
	if depth == 0 {
		return n
	}
	for i := 0; i < 4; i++ {
		n.Children = append(n.Children, buildTree(fmt.Sprintf("%s/d%d", path, i), depth-1))
	}
	return n
}

func main() {
	root := buildTree("/srv", 3)
	fmt.Println(len(diskUsage(root)))
}
