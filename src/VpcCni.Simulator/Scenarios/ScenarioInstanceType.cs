using VpcCni.Engine.Limits;

namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// An instance type the scenario adds to the engine's catalog, so a client can be shown resolving a
/// type its own table does not know through DescribeInstanceTypes. Scenario instances may use it.
/// </summary>
public sealed class ScenarioInstanceType
{
    public string InstanceType { get; set; } = string.Empty;

    /// <summary>ENIs on the (single) network card.</summary>
    public int EniLimit { get; set; }

    /// <summary>IPv4 addresses per ENI, the primary included.</summary>
    public int Ipv4PerEni { get; set; }

    /// <summary><c>nitro</c> (default) or <c>xen</c>.</summary>
    public string Hypervisor { get; set; } = "nitro";

    public int? VCpus { get; set; }

    public bool BareMetal { get; set; }

    public int? Ipv6PerEni { get; set; }

    public long? MemoryMib { get; set; }

    /// <summary>EFA interfaces the type takes; absent or 0 = no EFA support (EC2 API Reference, EfaInfo).</summary>
    public int? MaximumEfaInterfaces { get; set; }

    /// <summary>The limits the simulator serves for this type (one network card, index 0).</summary>
    public InstanceTypeLimits ToLimits() => new()
    {
        InstanceType = InstanceType,
        EniLimit = EniLimit,
        Ipv4PerEni = Ipv4PerEni,
        NetworkCards = [new NetworkCardLimit(0, EniLimit)],
        Hypervisor = Hypervisor,
        IsBareMetal = BareMetal,
        DefaultVCpus = VCpus,
        Ipv6PerEni = Ipv6PerEni ?? Ipv4PerEni,
        MemoryMib = MemoryMib,
    };

    /// <summary>The engine's catalog plus the scenario's own types.</summary>
    internal static InstanceTypeCatalog CatalogFor(Scenario scenario) =>
        scenario.InstanceTypes is not { Count: > 0 } extra
            ? InstanceTypeCatalog.Embedded
            : new InstanceTypeCatalog(InstanceTypeCatalog.Embedded.All.Concat(extra.Select(t => t.ToLimits())));
}
