// shape: callbacks of a pool run concurrently — a hand-written worker pool
// runs each submitted callback on one of four workers; the thumbnailer's
// callback records each result in a plain map.
package main

import (
	"strconv"
	"sync"
)

type Pool struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func NewPool(workers int) *Pool {
	p := &Pool{jobs: make(chan func(), 64)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for fn := range p.jobs {
		fn()
	}
}

func (p *Pool) Submit(fn func()) { p.jobs <- fn }

func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
}

type Image struct {
	Path   string
	Width  int
	Height int
}

type Thumbnailer struct {
	pool   *Pool
	sizes  map[string][2]int
	maxDim int
}

func scale(w, h, max int) (int, int) {
	if w >= h {
		return max, h * max / w
	}
	return w * max / h, max
}

func (t *Thumbnailer) Process(images []Image) {
	for _, img := range images {
		img := img
		t.pool.Submit(func() {
			w, h := scale(img.Width, img.Height, t.maxDim)
			t.sizes[img.Path] = [2]int{w, h} // want MG004|MG001
		})
	}
}

func main() {
	t := &Thumbnailer{pool: NewPool(4), sizes: map[string][2]int{}, maxDim: 128}
	images := make([]Image, 3000)
	for i := range images {
		images[i] = Image{Path: "img/" + strconv.Itoa(i) + ".jpg", Width: 640 + i%300, Height: 480 + i%200}
	}
	t.Process(images)
	t.pool.Close()
	println(len(t.sizes))
}
