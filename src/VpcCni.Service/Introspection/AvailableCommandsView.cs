namespace VpcCni.Service.Introspection;

/// <summary>The answer to an unknown path: the paths that exist (upstream <c>introspect.go</c>, <c>rootResponse</c>).</summary>
public sealed record AvailableCommandsView(IReadOnlyList<string> AvailableCommands);
