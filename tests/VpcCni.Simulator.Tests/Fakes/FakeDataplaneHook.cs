using System.Collections.Concurrent;
using VpcCni.Simulator.Dataplane;

namespace VpcCni.Simulator.Tests.Fakes;

/// <summary>Keeps the links the simulator asked for, per namespace, like a namespace would.</summary>
public sealed class FakeDataplaneHook : IDataplaneHook
{
    public ConcurrentDictionary<(string Netns, string Link), string> Links { get; } = new();

    public void LinkAttached(string netns, string linkName, string macAddress) => Links[(netns, linkName)] = macAddress;

    public void LinkDetached(string netns, string linkName) => Links.TryRemove((netns, linkName), out _);
}
