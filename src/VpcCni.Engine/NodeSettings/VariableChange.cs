namespace VpcCni.Engine.NodeSettings;

/// <summary>One variable an env-file or ConfigMap edit changes.</summary>
/// <param name="Name">The upstream variable name.</param>
/// <param name="Before">The value the file held, or null when it was not set there.</param>
/// <param name="After">The value the file holds now, or null when the edit unset it.</param>
/// <param name="AppliesLive">True when the running service applies it on reload; false when it takes a restart.</param>
/// <param name="ConfigMapKey">The ConfigMap key that holds it, for a ConfigMap edit; null for an env file.</param>
public sealed record VariableChange(string Name, string? Before, string? After, bool AppliesLive, string? ConfigMapKey = null);
