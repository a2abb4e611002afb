// shape: S1 (gRPC-like service methods as concurrent entry points) — a
// hand-written RPC server registers an InventoryServer and runs each incoming
// call in its own goroutine; the service keeps its items in a map with no lock.
package main

import (
	"context"
	"errors"
	"strconv"
	"sync"
)

type CreateItemRequest struct {
	SKU   string
	Count int
}

type CreateItemResponse struct{ Total int }

type InventoryServer interface {
	CreateItem(ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error)
	CountItems(ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error)
}

type methodHandler func(srv interface{}, ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error)

type Server struct {
	services map[string]interface{}
	methods  map[string]methodHandler
	wg       sync.WaitGroup
}

func NewServer() *Server {
	return &Server{services: map[string]interface{}{}, methods: map[string]methodHandler{}}
}

func RegisterInventoryServer(s *Server, impl InventoryServer) {
	s.services["inventory"] = impl
	s.methods["/inventory/CreateItem"] = func(srv interface{}, ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error) {
		return srv.(InventoryServer).CreateItem(ctx, req)
	}
	s.methods["/inventory/CountItems"] = func(srv interface{}, ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error) {
		return srv.(InventoryServer).CountItems(ctx, req)
	}
}

type call struct {
	method string
	req    *CreateItemRequest
}

// Serve handles each call on its own goroutine, like a real RPC server.
func (s *Server) Serve(calls <-chan call) {
	for c := range calls {
		h := s.methods[c.method]
		srv := s.services["inventory"]
		s.wg.Add(1)
		go func(c call) {
			defer s.wg.Done()
			h(srv, context.Background(), c.req)
		}(c)
	}
	s.wg.Wait()
}

type inventory struct {
	items map[string]int
}

func (inv *inventory) CreateItem(ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error) {
	if req.Count <= 0 {
		return nil, errors.New("count must be positive")
	}
	inv.items[req.SKU] += req.Count // want MG004|MG001
	return &CreateItemResponse{Total: req.Count}, nil
}

func (inv *inventory) CountItems(ctx context.Context, req *CreateItemRequest) (*CreateItemResponse, error) {
	return &CreateItemResponse{Total: inv.items[req.SKU]}, nil // maybe MG003
}

func main() {
	s := NewServer()
	inv := &inventory{items: map[string]int{}}
	RegisterInventoryServer(s, inv)

	calls := make(chan call)
	go func() {
		for i := 0; i < 3000; i++ {
			m := "/inventory/CreateItem"
			if i%4 == 0 {
				m = "/inventory/CountItems"
			}
			calls <- call{method: m, req: &CreateItemRequest{SKU: "sku-" + strconv.Itoa(i%30), Count: 1 + i%3}}
		}
		close(calls)
	}()
	s.Serve(calls)
	println(len(inv.items))
}
