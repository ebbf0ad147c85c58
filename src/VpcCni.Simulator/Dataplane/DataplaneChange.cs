namespace VpcCni.Simulator.Dataplane;

/// <summary>A link to add (MAC set) or remove, collected under the world lock and applied after it.</summary>
internal sealed record DataplaneChange(string Netns, string LinkName, string? MacAddress);
