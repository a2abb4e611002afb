// shape: FP — a package-level map written only in init(); goroutines only read it
package main

import "sync"

var mimeTypes = map[string]string{}

func init() {
	mimeTypes[".html"] = "text/html"
	mimeTypes[".json"] = "application/json"
	mimeTypes[".png"] = "image/png"
}

func contentType(ext string) string {
	if t, ok := mimeTypes[ext]; ok {
		return t
	}
	return "application/octet-stream"
}

func main() {
	var wg sync.WaitGroup
	for _, ext := range []string{".html", ".png", ".bin"} {
		wg.Add(1)
		go func(ext string) {
			defer wg.Done()
			_ = contentType(ext)
		}(ext)
	}
	wg.Wait()
}
