package report

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

// The browser test renders reports in headless Chromium (Debian packages chromium and
// chromium-driver: apt-get install -y chromium chromium-driver) and is skipped when no
// Chromium binary is found. Method: Chromium runs once per page with
// --enable-logging=stderr --v=0, which writes every message the page sends to the DevTools
// console (script errors such as "Uncaught ReferenceError", Content-Security-Policy
// violations, failed loads) to stderr as lines containing ":CONSOLE"; the test fails on any
// such line. A control page with a deliberate script error and a blocked image checks that
// the method detects errors. A second run with --dump-dom returns the DOM after parsing,
// whose structure is checked, and a third takes a PNG screenshot.

// chromium returns the path of a Chromium binary, or "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium loads file in headless Chromium with the extra arguments and returns stdout
// and the console lines found in stderr.
func runChromium(t *testing.T, bin, file string, extra ...string) (stdout []byte, console []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
		"--enable-logging=stderr", "--v=0"}
	args = append(args, extra...)
	args = append(args, "file://"+file)
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	for _, line := range strings.Split(errb.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Uncaught") {
			console = append(console, line)
		}
	}
	return out.Bytes(), console
}

func TestChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in short mode")
	}
	bin := chromium()
	if bin == "" {
		t.Skip("Chromium not found (install with: apt-get install -y chromium chromium-driver); skipping the browser test")
	}
	dir := t.TempDir()

	t.Run("control", func(t *testing.T) {
		t.Parallel()
		// The detector must see a script error and a blocked fetch.
		page := filepath.Join(dir, "control.html")
		bad := `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"></head>` +
			`<body><img src="http://example.invalid/x.png"><script>undefinedFunction();</script></body></html>`
		if err := os.WriteFile(page, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		_, console := runChromium(t, bin, page, "--dump-dom")
		joined := strings.Join(console, "\n")
		if !strings.Contains(joined, "Uncaught ReferenceError") || !strings.Contains(joined, "Content Security Policy") {
			t.Fatalf("the console detector missed the control page's errors; got:\n%s", joined)
		}
	})

	for _, tc := range []struct {
		Name, Dir, Focal string
		Hostile          bool
	}{
		{Name: "partners", Dir: "partners", Focal: "ngo-008"},
		{Name: "hostile", Focal: "a", Hostile: true},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			n := hostileOr(t, tc.Hostile, tc.Dir)
			html, _ := render(t, n, Config{Focal: tc.Focal})
			page := filepath.Join(dir, tc.Name+".html")
			if err := os.WriteFile(page, html, 0o644); err != nil {
				t.Fatal(err)
			}

			dom, console := runChromium(t, bin, page, "--dump-dom")
			if len(console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(console, "\n"))
			}
			for _, id := range []string{"profile", "map", "candidates", "introducers", "events", "coalition"} {
				if !bytes.Contains(dom, []byte(`<section id="`+id+`">`)) {
					t.Errorf("the rendered DOM has no section %q", id)
				}
			}
			if c := bytes.Count(dom, []byte("<svg")); c != 1 {
				t.Errorf("the rendered DOM has %d <svg> elements, want 1", c)
			}
			if regexp.MustCompile(`(?i)<script|<img`).Match(dom) {
				t.Error("the rendered DOM contains a script or img element")
			}
			if tc.Hostile && !bytes.Contains(dom, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
				t.Error("the hostile name is not rendered as text")
			}

			shot := filepath.Join(dir, tc.Name+".png")
			_, console = runChromium(t, bin, page, "--screenshot="+shot, "--window-size=1280,1800")
			if len(console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(console, "\n"))
			}
			b, err := os.ReadFile(shot)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if sz := img.Bounds().Size(); sz.X != 1280 || sz.Y != 1800 {
				t.Errorf("screenshot is %v, want 1280x1800", sz)
			}
			// A blank page would be one colour; the report has a dark header and a white body.
			if r, _, _, _ := img.At(10, 10).RGBA(); r > 0x8000 {
				t.Error("the header is not drawn (top-left pixel is light)")
			}
			if *update && tc.Name == "partners" {
				if err := os.MkdirAll(filepath.Join("..", "docs"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join("..", "docs", "report.png"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// hostileOr returns the hostile network when h, else the one in testdata/dir.
func hostileOr(t *testing.T, h bool, dir string) *graph.Network {
	if h {
		return hostile(t)
	}
	return load(t, dir)
}
