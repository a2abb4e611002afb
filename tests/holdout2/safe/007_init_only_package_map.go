// shape: FP only init reaches the writes — a package-level table of HTTP
// status texts is filled in init(); the formatter goroutines only read it.
package main

import (
	"strconv"
	"strings"
	"sync"
)

var statusText = map[int]string{}

var reasonAliases map[string]int

func init() {
	for code, text := range map[int]string{
		200: "OK", 201: "Created", 204: "No Content",
		301: "Moved Permanently", 304: "Not Modified",
		400: "Bad Request", 404: "Not Found", 429: "Too Many Requests",
		500: "Internal Server Error", 503: "Service Unavailable",
	} {
		statusText[code] = text
	}
	reasonAliases = make(map[string]int, len(statusText))
	for code, text := range statusText {
		reasonAliases[strings.ToLower(strings.ReplaceAll(text, " ", "_"))] = code
	}
}

func StatusLine(code int) string {
	t, ok := statusText[code]
	if !ok {
		t = "Status " + strconv.Itoa(code)
	}
	return "HTTP/1.1 " + strconv.Itoa(code) + " " + t
}

func CodeFor(reason string) int {
	return reasonAliases[strings.ToLower(reason)]
}

type accessLog struct {
	lines []string
}

func (l *accessLog) add(code int) {
	l.lines = append(l.lines, StatusLine(code))
	if len(l.lines) > 32 {
		l.lines = l.lines[16:]
	}
}

func main() {
	codes := []int{200, 404, 500, 418, 204, 429}
	var wg sync.WaitGroup
	logs := make([]*accessLog, 4)
	for g := range logs {
		logs[g] = &accessLog{}
		wg.Add(1)
		go func(l *accessLog, g int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				l.add(codes[(i+g)%len(codes)])
				_ = CodeFor("not_found")
			}
		}(logs[g], g)
	}
	wg.Wait()
	println(len(logs[0].lines), CodeFor("Not_Found"))
}
