// shape: FP map made per call, across packages — render.Vars makes a new map
// on every call; the handler goroutines in package main write into the map
// they get, and package render's own helpers write only maps passed to them.
package render

import (
	"sort"
	"strings"
)

type Page struct {
	Title  string
	Author string
	Tags   []string
}

// Vars returns a fresh set of template variables for p.
func Vars(p Page) map[string]string {
	v := make(map[string]string, 4)
	v["title"] = p.Title
	v["author"] = p.Author
	AddTags(v, p.Tags)
	return v
}

// AddTags writes the tag list into vars.
func AddTags(vars map[string]string, tags []string) {
	sorted := append([]string(nil), tags...)
	sort.Strings(sorted)
	vars["tags"] = strings.Join(sorted, ",")
}

// Execute substitutes {{name}} placeholders.
func Execute(tmpl string, vars map[string]string) string {
	out := tmpl
	for k, v := range vars {
		out = strings.ReplaceAll(out, "{{"+k+"}}", v)
	}
	return out
}
