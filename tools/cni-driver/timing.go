package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/containernetworking/cni/pkg/invoke"
	"github.com/containernetworking/cni/pkg/types"
	"github.com/containernetworking/cni/pkg/version"
)

// invocation is one plugin process: its verb, wall time from fork to reaped exit, and its peak
// resident set (getrusage(2) ru_maxrss of the reaped child, in KiB on Linux).
type invocation struct {
	Plugin    string  `json:"plugin"`
	Command   string  `json:"command"`
	WallMs    float64 `json:"wallMs"`
	MaxRssKiB int64   `json:"maxRssKiB"`
}

// timedExec is libcni's invoke.Exec with each child process measured; otherwise it behaves as
// invoke.RawExec (stdin in, stdout out, a failed plugin's stdout parsed as the CNI error object).
type timedExec struct {
	version.PluginDecoder
	calls []invocation
}

func (e *timedExec) ExecPlugin(ctx context.Context, pluginPath string, stdinData []byte, environ []string) ([]byte, error) {
	stdout, stderr := &bytes.Buffer{}, &bytes.Buffer{}
	c := exec.CommandContext(ctx, pluginPath)
	c.Env = environ
	c.Stdin = bytes.NewReader(stdinData)
	c.Stdout, c.Stderr = stdout, stderr
	start := time.Now()
	err := c.Run()
	call := invocation{Plugin: filepath.Base(pluginPath), Command: commandOf(environ), WallMs: float64(time.Since(start).Microseconds()) / 1000}
	if c.ProcessState != nil {
		if usage, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			call.MaxRssKiB = usage.Maxrss
		}
	}
	e.calls = append(e.calls, call)
	if err != nil {
		return nil, pluginError(err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes(), nil
}

func (e *timedExec) FindInPath(plugin string, paths []string) (string, error) {
	return invoke.FindInPath(plugin, paths)
}

// take returns the invocations recorded since the last call.
func (e *timedExec) take() []invocation {
	calls := e.calls
	e.calls = nil
	return calls
}

func commandOf(environ []string) string {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "CNI_COMMAND=") {
			return strings.TrimPrefix(kv, "CNI_COMMAND=")
		}
	}
	return ""
}

func pluginError(err error, stdout, stderr []byte) error {
	typed := &types.Error{}
	if len(stdout) > 0 && json.Unmarshal(stdout, typed) == nil && (typed.Code != 0 || typed.Msg != "") {
		return typed
	}
	return &types.Error{Code: 999, Msg: fmt.Sprintf("plugin failed (%v): stdout %q, stderr %q", err, stdout, stderr)}
}
