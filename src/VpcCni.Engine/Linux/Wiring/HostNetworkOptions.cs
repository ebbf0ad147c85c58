namespace VpcCni.Engine.Linux.Wiring;

/// <summary>Host dataplane knobs; defaults are upstream's (upstream <c>pkg/networkutils/network.go</c>; docs/configuration.md).</summary>
public sealed class HostNetworkOptions
{
    /// <summary><c>AWS_VPC_ENI_MTU</c>.</summary>
    public int EniMtu { get; set; } = 9001;

    /// <summary>How many times to look for a freshly attached ENI's link by MAC.</summary>
    public int LinkLookupAttempts { get; set; } = 5;

    /// <summary>The pause between link lookups.</summary>
    public TimeSpan LinkLookupDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times a route is tried before the setup fails.</summary>
    public int RouteAttempts { get; set; } = 5;

    /// <summary>The first pause between route attempts; it doubles each time.</summary>
    public TimeSpan RouteRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
