package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/containernetworking/cni/libcni"
	"github.com/containernetworking/cni/pkg/invoke"
)

// specVersion11 is the CNI spec version that introduced GC and STATUS.
const specVersion11 = "1.1.0"

// verbArgs is the environment of a network-level verb: CNI spec 1.1, "GC" and "STATUS" need only
// CNI_COMMAND and CNI_PATH, so no container, netns or interface variable is set, not even empty.
type verbArgs struct {
	command string
	path    []string
}

func (a verbArgs) AsEnv() []string {
	env := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CNI_") {
			env = append(env, kv)
		}
	}
	return append(env, "CNI_COMMAND="+a.command, "CNI_PATH="+strings.Join(a.path, ":"))
}

// garbageCollect sends GC to every plugin of the list that supports spec 1.1, with the attachments
// still valid (as libcni 1.2's GCNetworkList does, under both key names it writes:
// cni.dev/valid-attachments of the spec and cni.dev/attachments of its earlier draft). A plugin whose
// VERSION does not list 1.1.0 (portmap 1.1.1) is skipped, as libcni skips a list older than 1.1.
func garbageCollect(ctx context.Context, cni *libcni.CNIConfig, list *libcni.NetworkConfigList, valid []string) error {
	attachments := []map[string]string{}
	for _, pair := range valid {
		id, ifname, ok := strings.Cut(pair, "/")
		if !ok || id == "" || ifname == "" {
			return fmt.Errorf("attachment %q is not <containerID>/<ifname>", pair)
		}
		attachments = append(attachments, map[string]string{"containerID": id, "ifname": ifname})
	}
	return eachPlugin11(ctx, cni, list, "GC", map[string]interface{}{
		"cni.dev/valid-attachments": attachments,
		"cni.dev/attachments":       attachments,
	})
}

// status sends STATUS to every plugin of the list that supports spec 1.1; the first error (code 50
// or 51 from a plugin that is not ready) is the answer, as in libcni 1.2's GetStatusNetworkList.
func status(ctx context.Context, cni *libcni.CNIConfig, list *libcni.NetworkConfigList) error {
	return eachPlugin11(ctx, cni, list, "STATUS", nil)
}

func eachPlugin11(ctx context.Context, cni *libcni.CNIConfig, list *libcni.NetworkConfigList, command string, inject map[string]interface{}) error {
	exec := &timedExec{}
	for _, plugin := range list.Plugins {
		path, err := exec.FindInPath(plugin.Network.Type, cni.Path)
		if err != nil {
			return err
		}
		info, err := invoke.GetVersionInfo(ctx, path, exec)
		if err != nil {
			return err
		}
		if !supports(info.SupportedVersions(), specVersion11) {
			fmt.Fprintf(os.Stderr, "cni-driver: %s skipped for %s: it does not support CNI %s\n", command, plugin.Network.Type, specVersion11)
			continue
		}
		conf := map[string]interface{}{}
		if err := json.Unmarshal(plugin.Bytes, &conf); err != nil {
			return err
		}
		conf["name"] = list.Name
		conf["cniVersion"] = specVersion11
		for key, value := range inject {
			conf[key] = value
		}
		stdin, err := json.Marshal(conf)
		if err != nil {
			return err
		}
		if err := invoke.ExecPluginWithoutResult(ctx, path, stdin, verbArgs{command, cni.Path}, exec); err != nil {
			return err
		}
	}
	return nil
}

func supports(versions []string, wanted string) bool {
	for _, v := range versions {
		if v == wanted {
			return true
		}
	}
	return false
}
