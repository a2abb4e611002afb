// shape: S21 — a parse function makes a new request but puts the package's default header map into it; callers then write that one map
package main

import (
	"fmt"
	"strings"
)

var defaults = map[string]string{"Accept": "*/*"}

type request struct {
	method string
	header map[string]string
}

func parse(line string) (req *request, err error) {
	req = new(request)
	req.method = strings.TrimSpace(line)
	req.header = defaults
	return req, nil
}

func serve(line string, out chan<- int) {
	req, err := parse(line)
	if err != nil {
		out <- 0
		return
	}
	req.header["Method"] = req.method // want MG001
	out <- len(req.header)
}

func main() {
	lines := []string{"GET", "POST", "PUT", "HEAD"}
	out := make(chan int)
	for _, l := range lines {
		go serve(l, out)
	}
	n := 0
	for range lines {
		n += <-out
	}
	fmt.Println(n)
}
