// goast prints go/parser's syntax tree of Go files in the format of the
// engine's lib/engine/astdump.c: the Go half of the differential test
// (tests/parse-diff.sh).  Standard library only.
//
//	goast [-s] [-files-from LIST] [FILE...]
//
// One line a node in pre-order, indented one space a level (at most 200):
// "Kind LINE:COL [extra]" for every node but BasicLit, Field, FieldList
// and comments, at go/ast's Pos() (line and byte column, //line
// directives ignored).  With -s: "PATH<TAB>HASH<TAB>0" a file, HASH the
// FNV-1a 64 of its dump, or "PATH<TAB>error<TAB>MESSAGE" when go/parser
// rejects it.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"os"
	"strings"
)

func recvType(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.Ident:
			return x.Name
		}
		return ""
	}
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return '?'
		}
		return r
	}, s)
}

// extra is the " extra" part of a node's line.
func extra(n ast.Node) string {
	switch x := n.(type) {
	case *ast.Ident:
		return " " + x.Name
	case *ast.FuncDecl:
		s := " " + x.Name.Name
		if r := recvType(x); r != "" {
			s += " " + r
		}
		return s
	case *ast.GenDecl:
		return " " + x.Tok.String()
	case *ast.AssignStmt:
		return " " + x.Tok.String()
	case *ast.IncDecStmt:
		return " " + x.Tok.String()
	case *ast.BranchStmt:
		return " " + x.Tok.String()
	case *ast.UnaryExpr:
		return " " + x.Op.String()
	case *ast.BinaryExpr:
		return " " + x.Op.String()
	case *ast.RangeStmt:
		if x.Tok != token.ILLEGAL {
			return " " + x.Tok.String()
		}
	case *ast.ImportSpec:
		return " " + oneLine(x.Path.Value)
	case *ast.ValueSpec:
		names := make([]string, len(x.Names))
		for i, id := range x.Names {
			names[i] = id.Name
		}
		return " " + strings.Join(names, ",")
	case *ast.TypeSpec:
		if x.Assign.IsValid() {
			return " " + x.Name.Name + " alias"
		}
		return " " + x.Name.Name
	case *ast.SelectorExpr:
		return " " + x.Sel.Name
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND:
			return " send"
		case ast.RECV:
			return " recv"
		}
		return " both"
	case *ast.CallExpr:
		if x.Ellipsis.IsValid() {
			return " ..."
		}
	case *ast.SliceExpr:
		if x.Slice3 {
			return " 3"
		}
	case *ast.EmptyStmt:
		if x.Implicit {
			return " implicit"
		}
	case *ast.CaseClause:
		if x.List == nil {
			return " default"
		}
	case *ast.CommClause:
		if x.Comm == nil {
			return " default"
		}
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return " type"
		}
	}
	return ""
}

// maxIndent is astdump.c's AST_DUMP_MAX_INDENT: a deep tree's dump stays
// linear in its size.
const maxIndent = 200

func dump(w *bytes.Buffer, fset *token.FileSet, f *ast.File) {
	var shown []bool
	depth := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			if shown[len(shown)-1] {
				depth--
			}
			shown = shown[:len(shown)-1]
			return true
		}
		switch n.(type) {
		case *ast.BasicLit, *ast.Field, *ast.FieldList, *ast.Comment,
			*ast.CommentGroup:
			shown = append(shown, false)
			return true
		}
		pos := fset.PositionFor(n.Pos(), false)
		kind := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
		ends := ""
		if withEnds {
			end := fset.PositionFor(n.End(), false)
			ends = fmt.Sprintf(" %d:%d", end.Line, end.Column)
		}
		indent := depth
		if indent > maxIndent {
			indent = maxIndent
		}
		w.WriteString(strings.Repeat(" ", indent))
		fmt.Fprintf(w, "%s %d:%d%s%s\n", kind, pos.Line, pos.Column, ends, extra(n))
		shown = append(shown, true)
		depth++
		return true
	})
}

// withEnds (-e): each line also gives the node's End() after its kind.
var withEnds bool

func main() {
	sums := flag.Bool("s", false, "print PATH, HASH, 0 a file")
	flag.BoolVar(&withEnds, "e", false, "print each node's end too")
	list := flag.String("files-from", "", "read file names from `LIST`")
	flag.Parse()
	files := flag.Args()
	if *list != "" {
		data, err := os.ReadFile(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			os.Exit(2)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	rc := 0
	var b bytes.Buffer
	for _, path := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			msg := oneLine(err.Error())
			if *sums {
				fmt.Fprintf(out, "%s\terror\t%s\n", path, msg)
			} else {
				fmt.Fprintln(os.Stderr, "goast:", msg)
			}
			rc = 1
			continue
		}
		b.Reset()
		dump(&b, fset, f)
		if *sums {
			h := fnv.New64a()
			h.Write(b.Bytes())
			fmt.Fprintf(out, "%s\t%016x\t0\n", path, h.Sum64())
		} else {
			out.Write(b.Bytes())
		}
	}
	out.Flush()
	os.Exit(rc)
}
