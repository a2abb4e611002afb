// shape: WaitGroup workers write a shared local map - the build command starts
// one goroutine per builder and each stores its artifact in the result map
// with no lock; the errors map beside it is written the same way.
package main

import (
	"errors"
	"strings"
	"sync"
	"time"
)

type Artifact struct {
	Builder string
	Files   []string
}

type Builder interface {
	Name() string
	Build() (*Artifact, error)
}

type dockerBuilder struct{ tag string }

func (b dockerBuilder) Name() string { return "docker:" + b.tag }

func (b dockerBuilder) Build() (*Artifact, error) {
	if strings.HasPrefix(b.tag, "bad") {
		return nil, errors.New("build failed")
	}
	return &Artifact{Builder: b.Name(), Files: []string{b.tag + ".tar"}}, nil
}

type BuildCommand struct {
	builders []Builder
}

func (c *BuildCommand) Run() (map[string]*Artifact, map[string]error) {
	artifacts := make(map[string]*Artifact)
	failures := make(map[string]error)
	var wg sync.WaitGroup
	for _, b := range c.builders {
		wg.Add(1)
		go func(b Builder) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for time.Now().Before(deadline) {
				time.Sleep(10 * time.Microsecond) // builders poll their backends
				a, err := b.Build()
				if err != nil {
					failures[b.Name()] = err // want MG001
					continue
				}
				artifacts[b.Name()] = a // want MG001
			}
		}(b)
	}
	wg.Wait()
	return artifacts, failures
}

func main() {
	cmd := &BuildCommand{builders: []Builder{
		dockerBuilder{"app"}, dockerBuilder{"sidecar"}, dockerBuilder{"bad-base"}, dockerBuilder{"bad-tools"},
	}}
	arts, errs := cmd.Run()
	if len(arts)+len(errs) != 4 {
		panic("lost a build")
	}
}
