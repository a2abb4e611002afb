// shape: encoding a struct that holds a map - the status endpoint marshals the
// cluster status (its Members map included) while the membership goroutine
// rewrites that map.
package main

import (
	"encoding/json"
	"strconv"
	"sync"
	"time"
)

type ClusterStatus struct {
	Leader  string            `json:"leader"`
	Term    int               `json:"term"`
	Members map[string]string `json:"members"`
}

type Node struct {
	status *ClusterStatus
}

func NewNode() *Node {
	return &Node{status: &ClusterStatus{Leader: "n1", Members: map[string]string{"n1": "alive"}}}
}

func (n *Node) onMembership(name, state string) {
	if state == "left" {
		delete(n.status.Members, name) // maybe MG001
		return
	}
	n.status.Members[name] = state // maybe MG001
}

func (n *Node) statusJSON() []byte {
	b, err := json.Marshal(n.status) // want MG003
	if err != nil {
		return nil
	}
	return b
}

func main() {
	n := NewNode()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		states := []string{"alive", "suspect", "left"}
		deadline := time.Now().Add(150 * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			n.onMembership("n"+strconv.Itoa(2+i%9), states[i%3])
		}
	}()
	go func() {
		defer wg.Done()
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			n.statusJSON()
		}
	}()
	wg.Wait()
}
