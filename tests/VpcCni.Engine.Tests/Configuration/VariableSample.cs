using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Configuration;

/// <summary>A sample value per variable, what it should bind to, and the default it replaces.</summary>
internal sealed record VariableSample(
    string Raw,
    Func<VpcCniSettings, object?> Read,
    object? Expected,
    object? Default,
    IReadOnlyDictionary<string, string>? Companions = null);
