using System.Reflection;
using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Engine.Tests.Architecture;

/// <summary>
/// One definition per concept: no public type declared twice under two names or in two places, one
/// IPv4 ↔ integer arithmetic, one copy of each piece of test support.
/// </summary>
public sealed partial class OneDefinitionTests
{
    private static readonly Assembly[] Assemblies = [typeof(VpcCniException).Assembly, typeof(SimulatorOptions).Assembly];

    // Types protoc generates from the plugin ↔ service protocol mirror its messages, by design.
    private static IEnumerable<Type> PublicTypes() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && t.Namespace != "VpcCni.Engine.Rpc");

    [Fact]
    public void NoTwoPublicTypesShareAName()
    {
        var twice = PublicTypes().GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g.Select(t => t.FullName)));
        Assert.True(!twice.Any(), string.Join(Environment.NewLine, twice));
    }

    [Fact]
    public void NoTwoEnumsDeclareTheSameMembers()
    {
        var twice = PublicTypes().Where(t => t.IsEnum)
            .GroupBy(t => string.Join(",", Enum.GetNames(t).Order(StringComparer.Ordinal)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(t => t.FullName))}: {g.Key}");
        Assert.True(!twice.Any(), string.Join(Environment.NewLine, twice));
    }

    [Fact]
    public void NoTypeRedeclaresThePropertiesOfAnother()
    {
        var shapes = PublicTypes().Where(t => t.IsClass && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t))
            .Select(t => (Type: t, Properties: t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.Name != "EqualityContract")
                .Select(p => $"{p.PropertyType.Name} {p.Name}").ToHashSet()))
            .ToList();

        // A type that carries another (a property of that type) reuses it; one that repeats four or
        // more of its properties by name and type re-declares it.
        var copies = from small in shapes
                     where small.Properties.Count >= 4
                     from large in shapes
                     where large.Type != small.Type
                           && small.Properties.IsSubsetOf(large.Properties)
                           && !large.Properties.Any(p => p.StartsWith(small.Type.Name + " ", StringComparison.Ordinal))
                     select $"{large.Type.FullName} repeats every property of {small.Type.FullName}";
        Assert.True(!copies.Any(), string.Join(Environment.NewLine, copies));
    }

    [Fact]
    public void OnlyAddressMathConvertsIpv4AddressesToIntegers()
    {
        var offenders = new List<string>();
        foreach (var file in new[] { "src", "tests", "bench" }.SelectMany(f => RepositoryFiles.Under(f, ".cs")))
        {
            // Sha1Digest reads and writes SHA-1's big-endian message words (RFC 3174), which are not addresses.
            if (file.EndsWith("Networking/AddressMath.cs", StringComparison.Ordinal) || file.EndsWith("Wiring/Sha1Digest.cs", StringComparison.Ordinal)
                || file.EndsWith(nameof(OneDefinitionTests) + ".cs", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Ipv4Arithmetic().IsMatch(lines[i]))
                {
                    offenders.Add($"{RepositoryFiles.Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Theory]
    [InlineData("class RootFactAttribute")]
    [InlineData("class RootTheoryAttribute")]
    [InlineData("class Throwaway")]
    public void TestSupportIsDeclaredOnceInTheSharedProject(string declaration)
    {
        var places = RepositoryFiles.Under("tests", ".cs")
            .Where(f => !f.EndsWith(nameof(OneDefinitionTests) + ".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(declaration, StringComparison.Ordinal))
            .Select(RepositoryFiles.Relative)
            .ToList();
        Assert.Single(places);
        Assert.StartsWith("tests/VpcCni.Testing/", places[0], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"UInt32BigEndian|<< 24|>> 24")]
    private static partial Regex Ipv4Arithmetic();
}
