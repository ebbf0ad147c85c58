using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets the /28 prefixes of a running node's ENIs with their used and free addresses.</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniPrefix")]
[OutputType(typeof(NodePrefixInfo))]
public sealed class GetVpcCniPrefixCommand : VpcCniEndpointCmdlet
{
    /// <summary>The node's IP_COOLDOWN_PERIOD in seconds, which introspection does not serve.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int CooldownSec { get; set; } = (int)WarmPoolForecastRequest.DefaultCooldown.TotalSeconds;

    protected override void ProcessRecord() =>
        WriteMatching(Read(Endpoint, (c, ct) => c.GetPrefixesAsync(TimeSpan.FromSeconds(CooldownSec), ct), "Reading /v1/enis"), null, null);
}
