// cni-driver drives CNI plugins through libcni, the library container runtimes (containerd's
// go-cni, CRI-O, podman) use, so that a plugin is exercised exactly as a runtime executes it.
//
//	cni-driver [flags] add|check|del <conflist> <containerID> <netns> <ifname>
//	cni-driver [flags] gc <conflist> [<containerID>/<ifname> ...]   (the attachments still valid)
//	cni-driver [flags] status <conflist>
//	cni-driver [flags] bench <conflist> <netns> <ifname> <rounds>  (ADD then DEL, timed)
//	cni-driver [flags] version <conflist> <rounds>                  (VERSION of each plugin, timed)
//
// libcni 1.1.2 (Debian's golang-github-appc-cni-dev) predates the GC and STATUS verbs of CNI spec
// 1.1, so those two are driven through libcni's own pkg/invoke with the 1.1 configuration shape;
// see docs/testing-runtimes.md.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/containernetworking/cni/libcni"
	"github.com/containernetworking/cni/pkg/types"
)

var (
	pluginPath   = flag.String("path", "/opt/cni/bin", "plugin search path (colon-separated directories)")
	cacheDir     = flag.String("cache", "/var/lib/cni", "libcni's cache of results and configurations")
	podName      = flag.String("pod-name", "", "K8S_POD_NAME (default: pod-<first 8 characters of the container id>)")
	podNamespace = flag.String("pod-namespace", "default", "K8S_POD_NAMESPACE")
	timeout      = flag.Duration("timeout", 60*time.Second, "deadline of the whole command")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: cni-driver [flags] add|check|del|gc|status|bench|version <conflist> ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	args := flag.Args()
	if len(args) < 2 {
		flag.Usage()
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	list, err := libcni.ConfListFromFile(args[1])
	if err != nil {
		fail(err)
	}
	timing := &timedExec{}
	cni := libcni.NewCNIConfigWithCacheDir(strings.Split(*pluginPath, ":"), *cacheDir, timing)

	switch verb, rest := args[0], args[2:]; verb {
	case "add", "check", "del":
		need(rest, 3, verb+" <conflist> <containerID> <netns> <ifname>")
		rt := runtimeConf(rest[0], rest[1], rest[2])
		switch verb {
		case "add":
			result, err := cni.AddNetworkList(ctx, list, rt)
			if err != nil {
				fail(err)
			}
			if err := result.Print(); err != nil {
				fail(err)
			}
		case "check":
			err = cni.CheckNetworkList(ctx, list, rt)
		case "del":
			err = cni.DelNetworkList(ctx, list, rt)
		}
	case "gc":
		err = garbageCollect(ctx, cni, list, rest)
	case "status":
		err = status(ctx, cni, list)
	case "bench":
		need(rest, 3, "bench <conflist> <netns> <ifname> <rounds>")
		err = bench(ctx, cni, timing, list, rest[0], rest[1], rounds(rest[2]))
	case "version":
		need(rest, 1, "version <conflist> <rounds>")
		err = versions(ctx, cni, timing, list, rounds(rest[0]))
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fail(err)
	}
}

// runtimeConf is what a Kubernetes runtime passes: the pod's identity in CNI_ARGS, as the kubelet's
// CRI implementations do (K8S_POD_NAMESPACE, K8S_POD_NAME, K8S_POD_INFRA_CONTAINER_ID).
func runtimeConf(containerID, netns, ifname string) *libcni.RuntimeConf {
	name := *podName
	if name == "" {
		name = "pod-" + containerID[:min(8, len(containerID))]
	}
	return &libcni.RuntimeConf{
		ContainerID: containerID,
		NetNS:       netns,
		IfName:      ifname,
		Args: [][2]string{
			{"IgnoreUnknown", "1"},
			{"K8S_POD_NAMESPACE", *podNamespace},
			{"K8S_POD_NAME", name},
			{"K8S_POD_INFRA_CONTAINER_ID", containerID},
		},
		CacheDir: *cacheDir,
	}
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func need(rest []string, count int, usage string) {
	if len(rest) < count {
		fmt.Fprintln(os.Stderr, "usage: cni-driver [flags] "+usage)
		os.Exit(2)
	}
}

func rounds(text string) int {
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 {
		fmt.Fprintf(os.Stderr, "rounds must be a positive number, not %q\n", text)
		os.Exit(2)
	}
	return n
}

// fail prints a plugin's CNI error object (code, msg, details) as JSON on stdout, as a runtime would
// log it, and anything else as text on stderr; the exit status is 1 either way.
func fail(err error) {
	if typed, ok := err.(*types.Error); ok {
		out, _ := json.Marshal(typed)
		fmt.Println(string(out))
	}
	fmt.Fprintln(os.Stderr, "cni-driver:", err)
	os.Exit(1)
}
