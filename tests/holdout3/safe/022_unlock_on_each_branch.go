// shape: lock released on every early return - Reserve unlocks before each
// return in a switch, and writes the map only on the path that still holds
// the lock; Cancel uses a deferred unlock.
package main

import (
	"errors"
	"strconv"
	"sync"
	"time"
)

var (
	errFull    = errors.New("venue full")
	errTwice   = errors.New("already booked")
	errUnknown = errors.New("no such booking")
)

type Venue struct {
	mu       sync.Mutex
	capacity int
	seats    map[string]int
	next     int
}

func NewVenue(capacity int) *Venue { return &Venue{capacity: capacity, seats: make(map[string]int)} }

func (v *Venue) Reserve(guest string) (int, error) {
	v.mu.Lock()
	_, booked := v.seats[guest]
	switch {
	case booked:
		v.mu.Unlock()
		return 0, errTwice
	case len(v.seats) >= v.capacity:
		v.mu.Unlock()
		return 0, errFull
	}
	v.next++
	seat := v.next
	v.seats[guest] = seat
	v.mu.Unlock()
	return seat, nil
}

func (v *Venue) Cancel(guest string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.seats[guest]; !ok {
		return errUnknown
	}
	delete(v.seats, guest)
	return nil
}

func main() {
	v := NewVenue(10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				g := "guest-" + strconv.Itoa((i+w)%15)
				if _, err := v.Reserve(g); err == nil && i%2 == 0 {
					v.Cancel(g)
				}
			}
		}(w)
	}
	wg.Wait()
}
