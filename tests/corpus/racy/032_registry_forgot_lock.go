// shape: S24 — a package-level registry map; every accessor takes the lock except one
package main

import "sync"

type Channel struct {
	ID     int64
	Target string
}

var (
	db         sync.Mutex
	channelMap = map[int64]*Channel{}
	nextID     int64
)

func RegisterChannel(target string) int64 {
	db.Lock()
	defer db.Unlock()
	nextID++
	channelMap[nextID] = &Channel{ID: nextID, Target: target}
	return nextID
}

func GetChannel(id int64) *Channel {
	db.Lock()
	defer db.Unlock()
	return channelMap[id]
}

func RemoveChannel(id int64) {
	db.Lock()
	delete(channelMap, id)
	db.Unlock()
}

func RemoveSubChannel(id int64) {
	delete(channelMap, -id) // want MG005
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); RemoveChannel(RegisterChannel("dns:///svc")) }()
		go func(i int) { defer wg.Done(); RemoveSubChannel(int64(i)) }(i)
	}
	wg.Wait()
	_ = GetChannel(1)
}
