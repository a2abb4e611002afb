// shape: FP — workers fill their own slot of a results slice; the index map is built from it after Wait
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

type fileDigest struct {
	path   string
	digest string
}

func digestFiles(contents map[string][]byte) map[string]string {
	paths := make([]string, 0, len(contents))
	for p := range contents {
		paths = append(paths, p)
	}
	results := make([]fileDigest, len(paths))
	var wg sync.WaitGroup
	for i := range paths {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sum := sha256.Sum256(contents[paths[i]])
			results[i] = fileDigest{path: paths[i], digest: hex.EncodeToString(sum[:])}
		}(i)
	}
	wg.Wait()

	index := make(map[string]string, len(results))
	for _, r := range results {
		index[r.path] = r.digest
	}
	return index
}

func main() {
	files := map[string][]byte{
		"go.mod":  []byte("module x"),
		"main.go": []byte("package main"),
		"README":  []byte("hello"),
	}
	_ = digestFiles(files)
}
