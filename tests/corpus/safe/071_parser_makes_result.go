// shape: FP — a parse function makes the object it returns (req = new(T) ... return req); each goroutine edits its own
package main

import (
	"errors"
	"fmt"
	"strings"
)

type request struct {
	method string
	header map[string]string
}

func parse(line string) (req *request, err error) {
	req = new(request)
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil, errors.New("empty request line")
	}
	req.method = fields[0]
	req.header = map[string]string{}
	for _, f := range fields[1:] {
		req.header[f] = "1"
	}
	return req, nil
}

func serve(line string, out chan<- int) {
	req, err := parse(line)
	if err != nil {
		out <- 0
		return
	}
	req.header["Seen"] = req.method
	delete(req.header, "Host")
	out <- len(req.header)
}

func main() {
	lines := []string{"GET Host Accept", "POST Host", "", "PUT Accept"}
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
