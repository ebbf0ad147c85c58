namespace VpcCni.Engine.Introspection;

/// <summary>
/// One variable a running node reports in <c>/v1/ipamd-env-settings</c> or
/// <c>/v1/networkutils-env-settings</c>, with the value as the node serves it (a number, a boolean,
/// a string or a string array).
/// </summary>
/// <param name="Name">The upstream variable name (<c>WARM_IP_TARGET</c>).</param>
/// <param name="Value">The value in force.</param>
/// <param name="Source">The path it came from: <c>ipamd-env-settings</c> or <c>networkutils-env-settings</c>.</param>
public sealed record NodeSetting(string Name, object? Value, string Source);
