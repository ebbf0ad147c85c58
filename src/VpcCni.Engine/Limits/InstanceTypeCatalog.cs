using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Limits;

/// <summary>
/// The instance-type limits table. <see cref="Embedded"/> is the table shipped inside the engine
/// (1391 types, generated from EC2 <c>DescribeInstanceTypes</c> like upstream's
/// <c>vpc_ip_resource_limit.go</c>); a type missing from it is "unknown" and is resolved through
/// EC2 by the cloud layer.
/// </summary>
public sealed class InstanceTypeCatalog
{
    private const string ResourceName = "VpcCni.Engine.Limits.instance-types.csv";
    private static readonly Lazy<InstanceTypeCatalog> EmbeddedCatalog = new(LoadEmbedded);
    private readonly FrozenDictionary<string, InstanceTypeLimits> _byName;

    public InstanceTypeCatalog(IEnumerable<InstanceTypeLimits> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _byName = types.ToFrozenDictionary(t => t.InstanceType, StringComparer.OrdinalIgnoreCase);
        Names = [.. _byName.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The table shipped inside the engine.</summary>
    public static InstanceTypeCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>Every known instance type name, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => _byName.Count;

    /// <summary>Every known type's limits, in name order.</summary>
    public IEnumerable<InstanceTypeLimits> All => Names.Select(n => _byName[n]);

    public bool TryGet(string instanceType, [NotNullWhen(true)] out InstanceTypeLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        return _byName.TryGetValue(instanceType.Trim(), out limits);
    }

    /// <summary>Returns the limits of a known type.</summary>
    /// <exception cref="VpcCniException">ErrorId <c>Capacity.UnknownInstanceType</c> (category NotFound) for a type not in the table.</exception>
    public InstanceTypeLimits Get(string instanceType)
    {
        if (TryGet(instanceType, out var limits))
        {
            return limits;
        }

        throw new VpcCniException(
            VpcCniErrorCategory.NotFound,
            ErrorIds.Capacity.UnknownInstanceType,
            $"Instance type '{instanceType}' is not in the built-in limits table; it can be resolved through EC2 DescribeInstanceTypes.");
    }

    /// <summary>Parses the CSV format of <c>instance-types.csv</c> ('#' comment lines, a header row, then one type per line).</summary>
    public static InstanceTypeCatalog Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var types = new List<InstanceTypeLimits>();
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(',');
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new FormatException($"instance-types line {lineNumber}: expected {header.Length} fields, found {fields.Length}.");
            }

            types.Add(ParseRow(fields, lineNumber));
        }

        return new InstanceTypeCatalog(types);
    }

    private static InstanceTypeLimits ParseRow(string[] f, int lineNumber)
    {
        // instance_type,eni_limit,ipv4_per_eni,default_network_card,network_cards,hypervisor,bare_metal,default_vcpus,ipv6_per_eni,memory_mib
        try
        {
            var cards = f[4].Length == 0
                ? []
                : f[4].Split(';').Select(c =>
                {
                    var parts = c.Split(':');
                    return new NetworkCardLimit(Int(parts[0]), Int(parts[1]));
                }).ToArray();
            return new InstanceTypeLimits
            {
                InstanceType = f[0],
                EniLimit = Int(f[1]),
                Ipv4PerEni = Int(f[2]),
                DefaultNetworkCardIndex = Int(f[3]),
                NetworkCards = cards,
                Hypervisor = f[5].Length == 0 ? "unknown" : f[5],
                IsBareMetal = bool.Parse(f[6]),
                DefaultVCpus = OptionalInt(f[7]),
                Ipv6PerEni = OptionalInt(f[8]),
                MemoryMib = f[9].Length == 0 ? null : long.Parse(f[9], CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new FormatException($"instance-types line {lineNumber}: {ex.Message}", ex);
        }

        static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
        static int? OptionalInt(string s) => s.Length == 0 ? null : Int(s);
    }

    private static InstanceTypeCatalog LoadEmbedded()
    {
        using var stream = typeof(InstanceTypeCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
