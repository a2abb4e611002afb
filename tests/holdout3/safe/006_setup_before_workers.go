// shape: set-up before the goroutines start - the mime table is filled by
// loadTypes in main before the upload workers start; the workers only read.
package main

import (
	"path"
	"strings"
	"sync"
	"time"
)

type MimeTable struct {
	byExt map[string]string
}

func (t *MimeTable) loadTypes(spec string) {
	for _, line := range strings.Split(spec, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, ext := range f[1:] {
			t.byExt["."+ext] = f[0]
		}
	}
}

func (t *MimeTable) TypeOf(name string) string {
	if m, ok := t.byExt[strings.ToLower(path.Ext(name))]; ok {
		return m
	}
	return "application/octet-stream"
}

type Uploader struct {
	mimes *MimeTable
	n     int
}

func (u *Uploader) upload(name string) {
	if u.mimes.TypeOf(name) != "" {
		u.n++
	}
}

const spec = `image/png png
image/jpeg jpg jpeg
text/html html htm
application/json json`

func main() {
	mt := &MimeTable{byExt: make(map[string]string)}
	mt.loadTypes(spec)
	files := []string{"a.png", "b.JPG", "index.html", "data.json", "blob.bin"}
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			u := &Uploader{mimes: mt}
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := w; time.Now().Before(deadline); i++ {
				u.upload(files[i%len(files)])
			}
		}(w)
	}
	wg.Wait()
}
