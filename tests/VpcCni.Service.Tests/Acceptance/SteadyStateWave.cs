using System.Globalization;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// One step of a steady-state table: bring the node to <see cref="Pods"/> live pods (adding them one after the
/// other, each waiting for its address as the kubelet retries, or deleting the oldest), then the pool must settle
/// at <see cref="Cidrs"/> with <see cref="Unused"/> addresses no pod holds, and the EC2 calls so far within the
/// given ranges. Written as <c>pods=5 cidrs=3,3,3 unused=4 assign=1 created=2</c>; a count is exact (<c>2</c>) or a
/// range (<c>2..3</c>) where it depends on how pod ADDs and pool ticks interleave; an absent count is 0.
/// </summary>
internal sealed record SteadyStateWave(int Pods, int[] Cidrs, int? Unused, Range Assign, Range Created, Range Unassign, Range Freed)
{
    public static IReadOnlyList<SteadyStateWave> ParseAll(string waves) =>
        [.. waves.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    public static SteadyStateWave Parse(string wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var fields = wave.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        Range Count(string name) => fields.TryGetValue(name, out var text) ? ParseRange(text) : new Range(0, 0);
        return new SteadyStateWave(
            int.Parse(fields["pods"], CultureInfo.InvariantCulture),
            [.. fields["cidrs"].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            fields.TryGetValue("unused", out var unused) ? int.Parse(unused, CultureInfo.InvariantCulture) : null,
            Count("assign"), Count("created"), Count("unassign"), Count("freed"));
    }

    /// <summary>Runs <paramref name="waves"/> in order on <paramref name="node"/>, naming pods <c>pod-0</c>, <c>pod-1</c>, ….</summary>
    public static async Task RunAsync(AcceptanceNode node, string waves)
    {
        ArgumentNullException.ThrowIfNull(node);
        var live = new List<string>();
        var next = 0;
        foreach (var wave in ParseAll(waves))
        {
            while (live.Count < wave.Pods)
            {
                var pod = $"pod-{next++}";
                await node.AddPodAsync(pod);
                live.Add(pod);
            }

            while (live.Count > wave.Pods)
            {
                await node.DeletePodAsync(live[0]);
                live.RemoveAt(0);
            }

            await wave.CheckAsync(node);
        }
    }

    private async Task CheckAsync(AcceptanceNode node)
    {
        var what = $"{Pods} pods";
        await node.SettlesAtAsync(Cidrs, null, what);
        var calls = node.Calls;
        Assert.True(Within(calls.Assign, Assign), $"{what}: {calls.Assign} AssignPrivateIpAddresses, expected {Assign}; {calls}");
        Assert.True(Within(calls.Unassign, Unassign), $"{what}: {calls.Unassign} UnassignPrivateIpAddresses, expected {Unassign}; {calls}");
        Assert.True(Within(calls.Create, Created), $"{what}: {calls.Create} ENIs created, expected {Created}; {calls}");
        Assert.True(Within(calls.Delete, Freed), $"{what}: {calls.Delete} ENIs deleted, expected {Freed}; {calls}");
        Assert.Equal((calls.Create, calls.Create, calls.Delete, 0), (calls.Attach, calls.Modify, calls.Detach, calls.Failed));
        if (Unused is { } unused)
        {
            var (total, assigned) = await node.DatastoreTotalsAsync();
            Assert.Equal(unused, total - assigned);
        }
    }

    private static Range ParseRange(string text)
    {
        var parts = text.Split("..");
        var low = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return new Range(low, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : low);
    }

    private static bool Within(int value, Range range) => value >= range.Start.Value && value <= range.End.Value;
}
