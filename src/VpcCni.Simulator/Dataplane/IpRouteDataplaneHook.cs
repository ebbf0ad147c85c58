using System.Diagnostics;

namespace VpcCni.Simulator.Dataplane;

/// <summary>
/// The dataplane hook over iproute2: a dummy link carrying the ENI's MAC in the instance's network
/// namespace (<c>ip -n NS link add NAME address MAC type dummy</c>, see ip-link(8)); a namespace
/// given as a path is entered with nsenter(1). Kernels built without the dummy driver answer
/// "Unknown device type"; there a port-less bridge stands in (one link, settable MAC, carries
/// addresses and routes). Idempotent: an existing link is replaced, a missing one on removal is fine.
/// </summary>
public sealed class IpRouteDataplaneHook : IDataplaneHook
{
    private readonly string _ip;
    private volatile string _kind = "dummy";

    public IpRouteDataplaneHook(string ipPath = "ip") => _ip = ipPath;

    public void LinkAttached(string netns, string linkName, string macAddress)
    {
        Run(netns, ["link", "del", linkName], tolerateFailure: true);
        var (code, error) = Run(netns, ["link", "add", linkName, "address", macAddress, "type", _kind], tolerateFailure: _kind == "dummy");
        if (code != 0)
        {
            if (!error.Contains("Unknown device type", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"ip link add {linkName} in {netns} failed ({code}): {error}");
            }

            _kind = "bridge";
            Run(netns, ["link", "add", linkName, "address", macAddress, "type", _kind], tolerateFailure: false);
        }

        Run(netns, ["link", "set", linkName, "up"], tolerateFailure: false);
    }

    public void LinkDetached(string netns, string linkName) =>
        Run(netns, ["link", "del", linkName], tolerateFailure: true);

    private (int ExitCode, string Error) Run(string netns, string[] args, bool tolerateFailure)
    {
        var start = new ProcessStartInfo { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (netns.Contains('/', StringComparison.Ordinal))
        {
            start.FileName = "nsenter";
            start.ArgumentList.Add("--net=" + netns);
            start.ArgumentList.Add(_ip);
        }
        else
        {
            start.FileName = _ip;
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(netns);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !tolerateFailure)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {stderr.Trim()}");
        }

        return (process.ExitCode, stderr.Trim());
    }
}
