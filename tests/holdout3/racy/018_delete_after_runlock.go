// shape: write after the unlock - the connection's response handler looks a
// pending request up under RLock, releases it, then deletes the entry with no
// lock while the send loop inserts new requests under the write lock.
package main

import (
	"sync"
	"time"
)

type pendingReq struct {
	id   uint64
	done chan []byte
}

type Conn struct {
	mu      sync.RWMutex
	pending map[uint64]*pendingReq
	nextID  uint64
}

func NewConn() *Conn {
	return &Conn{pending: make(map[uint64]*pendingReq)}
}

// send registers a request; the reply arrives on the reader goroutine.
func (c *Conn) send() *pendingReq {
	c.mu.Lock()
	c.nextID++
	r := &pendingReq{id: c.nextID, done: make(chan []byte, 1)}
	c.pending[r.id] = r
	c.mu.Unlock()
	return r
}

func (c *Conn) handleResponse(id uint64, payload []byte) {
	c.mu.RLock()
	r, ok := c.pending[id]
	c.mu.RUnlock()
	if !ok {
		return
	}
	delete(c.pending, id) // want MG005|MG001
	r.done <- payload
}

func main() {
	c := NewConn()
	ids := make(chan uint64, 1024)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(ids)
		deadline := time.Now().Add(150 * time.Millisecond)
		for time.Now().Before(deadline) {
			r := c.send()
			select {
			case ids <- r.id:
			default:
			}
		}
	}()
	go func() {
		defer wg.Done()
		for id := range ids {
			c.handleResponse(id, []byte("ok"))
		}
	}()
	wg.Wait()
}
