using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Errors;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Engine.Tests.Architecture;

/// <summary>
/// One registry of logging event ids: ranges that do not overlap, every [LoggerMessage] inside one,
/// no id used twice, and one attribute style everywhere.
/// </summary>
public sealed partial class LogEventIdRegistryTests
{
    private static readonly Assembly[] Assemblies = [typeof(VpcCniException).Assembly, typeof(SimulatorOptions).Assembly];

    [Fact]
    public void RangesAscendAndDoNotOverlap()
    {
        var starts = LogEventIds.Ranges.Select(r => r.Value).ToList();
        Assert.Equal(starts.Order(), starts);
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i - 1] + LogEventIds.RangeSize <= starts[i], $"{LogEventIds.Ranges[i - 1].Key} overlaps {LogEventIds.Ranges[i].Key}");
        }

        Assert.Equal(starts.Count, LogEventIds.Ranges.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void EveryLoggerMessageHasItsOwnIdInsideARegisteredRange()
    {
        var messages = Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        var outside = messages
            .Where(m => !LogEventIds.Ranges.Any(r => m.Attribute!.EventId >= r.Value && m.Attribute.EventId < r.Value + LogEventIds.RangeSize))
            .Select(m => $"{m.Method} ({m.Attribute!.EventId})");
        Assert.True(!outside.Any(), string.Join(Environment.NewLine, outside));

        var shared = messages
            .GroupBy(m => m.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");
        Assert.True(!shared.Any(), string.Join(Environment.NewLine, shared));
    }

    [Fact]
    public void EveryLoggerMessageTakesItsIdFromTheRegistryWithNamedArguments()
    {
        var offenders = new List<string>();
        foreach (var file in RepositoryFiles.Under("src", ".cs"))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in AttributeUse().Matches(text))
            {
                if (!RegistryStyle().IsMatch(match.Value))
                {
                    offenders.Add($"{RepositoryFiles.Relative(file)}: {match.Value}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void NoTwoLoggerMessagesInAnyProjectShareAnId()
    {
        // The source form covers every project, including those this test assembly does not load.
        var ranges = LogEventIds.Ranges.ToDictionary(r => r.Key, r => r.Value);
        var ids = new List<(int Id, string Where)>();
        foreach (var file in RepositoryFiles.Under("src", ".cs"))
        {
            foreach (Match match in RegistryId().Matches(File.ReadAllText(file)))
            {
                Assert.True(ranges.ContainsKey(match.Groups[1].Value), $"{RepositoryFiles.Relative(file)}: no range {match.Groups[1].Value}");
                ids.Add((ranges[match.Groups[1].Value] + int.Parse(match.Groups[2].Value), RepositoryFiles.Relative(file)));
            }
        }

        Assert.NotEmpty(ids);
        var shared = ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Where))}");
        Assert.True(!shared.Any(), string.Join(Environment.NewLine, shared));
    }

    [GeneratedRegex(@"EventId = LogEventIds\.(\w+) \+ (\d+)")]
    private static partial Regex RegistryId();

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*\)\]")]
    private static partial Regex AttributeUse();

    [GeneratedRegex(@"^\[LoggerMessage\(EventId = LogEventIds\.\w+ \+ \d{1,2}, Level = LogLevel\.\w+, Message = ")]
    private static partial Regex RegistryStyle();
}
