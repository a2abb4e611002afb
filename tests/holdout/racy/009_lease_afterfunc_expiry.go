// shape: classic (time.AfterFunc) — a lease manager revokes expired leases from timer callbacks while Grant inserts without a lock
package main

import (
	"fmt"
	"sync"
	"time"
)

type LeaseID int64

type Lease struct {
	ID  LeaseID
	TTL time.Duration
}

type Lessor struct {
	leases  map[LeaseID]*Lease
	revoked sync.WaitGroup
	nextID  LeaseID
}

func NewLessor() *Lessor {
	return &Lessor{leases: make(map[LeaseID]*Lease)}
}

func (l *Lessor) Grant(ttl time.Duration) LeaseID {
	l.nextID++
	id := l.nextID
	l.leases[id] = &Lease{ID: id, TTL: ttl} // maybe MG001
	l.revoked.Add(1)
	time.AfterFunc(ttl, func() {
		defer l.revoked.Done()
		l.revoke(id)
	})
	return id
}

func (l *Lessor) revoke(id LeaseID) {
	if _, ok := l.leases[id]; !ok { // maybe MG003
		return
	}
	delete(l.leases, id) // want MG004
}

func main() {
	l := NewLessor()
	for i := 0; i < 300; i++ {
		l.Grant(time.Duration(i%5) * 100 * time.Microsecond)
		if i%50 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	l.revoked.Wait()
	fmt.Println("active:", len(l.leases))
}
