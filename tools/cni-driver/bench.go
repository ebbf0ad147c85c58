package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/containernetworking/cni/libcni"
	"github.com/containernetworking/cni/pkg/invoke"
)

// round is one timed libcni call: the whole call and each plugin process it ran.
type round struct {
	Op      string       `json:"op"`
	Round   int          `json:"round"`
	TotalMs float64      `json:"totalMs"`
	Plugins []invocation `json:"plugins"`
}

// bench runs ADD then DEL of one pod per round in the same network namespace, printing one JSON
// line per call, so the caller computes its own percentiles.
func bench(ctx context.Context, cni *libcni.CNIConfig, timing *timedExec, list *libcni.NetworkConfigList, netns, ifname string, rounds int) error {
	out := json.NewEncoder(os.Stdout)
	for i := 0; i < rounds; i++ {
		rt := runtimeConf(fmt.Sprintf("bench%08d", i), netns, ifname)
		start := time.Now()
		if _, err := cni.AddNetworkList(ctx, list, rt); err != nil {
			return fmt.Errorf("round %d ADD: %w", i, err)
		}
		if err := out.Encode(round{"ADD", i, since(start), timing.take()}); err != nil {
			return err
		}
		start = time.Now()
		if err := cni.DelNetworkList(ctx, list, rt); err != nil {
			return fmt.Errorf("round %d DEL: %w", i, err)
		}
		if err := out.Encode(round{"DEL", i, since(start), timing.take()}); err != nil {
			return err
		}
	}
	return nil
}

// versions runs each plugin's VERSION command, the cheapest call a runtime makes: its wall time is
// the plugin's start-up and exit cost, its peak resident set the floor of any invocation.
func versions(ctx context.Context, cni *libcni.CNIConfig, timing *timedExec, list *libcni.NetworkConfigList, rounds int) error {
	out := json.NewEncoder(os.Stdout)
	for _, plugin := range list.Plugins {
		path, err := timing.FindInPath(plugin.Network.Type, cni.Path)
		if err != nil {
			return err
		}
		for i := 0; i < rounds; i++ {
			start := time.Now()
			if _, err := invoke.GetVersionInfo(ctx, path, timing); err != nil {
				return err
			}
			if err := out.Encode(round{"VERSION", i, since(start), timing.take()}); err != nil {
				return err
			}
		}
	}
	return nil
}

func since(start time.Time) float64 {
	return float64(time.Since(start).Microseconds()) / 1000
}
