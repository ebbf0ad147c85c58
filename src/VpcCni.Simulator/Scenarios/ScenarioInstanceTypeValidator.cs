using System.Globalization;
using VpcCni.Engine.Limits;

namespace VpcCni.Simulator.Scenarios;

/// <summary>Checks the scenario's extra instance types (<c>instanceTypes[]</c>) and returns their names.</summary>
internal static class ScenarioInstanceTypeValidator
{
    /// <summary>Upper bound for ENIs, IPv4 per ENI and vCPUs: far above any EC2 type, low enough to catch typos.</summary>
    public const int MaxFigure = 4096;

    public static HashSet<string> Check(List<ScenarioInstanceType> types, Action<string, string> fail)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < types.Count; i++)
        {
            var t = types[i];
            var at = $"instanceTypes[{i}]";
            if (t is null)
            {
                fail(at, "must be an object with instanceType, eniLimit and ipv4PerEni");
                return names;
            }

            var dot = t.InstanceType?.IndexOf('.', StringComparison.Ordinal) ?? -1;
            if (t.InstanceType is null || dot < 1 || dot == t.InstanceType.Length - 1 ||
                !t.InstanceType.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                fail($"{at}.instanceType", $"'{t.InstanceType}' must look like family.size in lower case, e.g. zz1.large");
            }

            if (InstanceTypeCatalog.Embedded.TryGet(t.InstanceType!, out _))
            {
                fail($"{at}.instanceType", $"'{t.InstanceType}' is already in the engine's catalog; instanceTypes declares only types it does not know");
            }

            if (!names.Add(t.InstanceType!))
            {
                fail($"{at}.instanceType", $"'{t.InstanceType}' is declared twice");
            }

            CheckFigure(t.EniLimit, $"{at}.eniLimit", fail);
            CheckFigure(t.Ipv4PerEni, $"{at}.ipv4PerEni", fail);
            if (t.VCpus is { } v)
            {
                CheckFigure(v, $"{at}.vCpus", fail);
            }

            if (t.Ipv6PerEni is { } v6 && (v6 < 0 || v6 > MaxFigure))
            {
                fail($"{at}.ipv6PerEni", Invariant($"{v6} must be between 0 and {MaxFigure}"));
            }

            if (t.MaximumEfaInterfaces is < 0 or > 64)
            {
                fail($"{at}.maximumEfaInterfaces", Invariant($"{t.MaximumEfaInterfaces} must be between 0 and 64"));
            }

            if (t.MemoryMib is < 1)
            {
                fail($"{at}.memoryMib", Invariant($"{t.MemoryMib} must be 1 or more MiB"));
            }

            if (t.Hypervisor is not ("nitro" or "xen"))
            {
                fail($"{at}.hypervisor", $"'{t.Hypervisor}' must be nitro or xen");
            }
        }

        return names;
    }

    private static void CheckFigure(int value, string field, Action<string, string> fail)
    {
        if (value < 1 || value > MaxFigure)
        {
            fail(field, Invariant($"{value} must be between 1 and {MaxFigure}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
