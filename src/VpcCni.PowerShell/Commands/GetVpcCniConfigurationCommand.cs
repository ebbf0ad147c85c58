using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gets the settings a running node serves (<c>/v1/ipamd-env-settings</c> and
/// <c>/v1/networkutils-env-settings</c>), one object per variable.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniConfiguration")]
[OutputType(typeof(NodeSetting))]
public sealed class GetVpcCniConfigurationCommand : VpcCniEndpointCmdlet
{
    /// <summary>Variable names to keep; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SettingNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord() =>
        WriteMatching(Read(Endpoint, (c, ct) => c.GetSettingsAsync(ct), "Reading the env-settings views"), Name, s => s.Name);
}
