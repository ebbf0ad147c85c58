using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets the ENIs a running node tracks (<c>/v1/enis</c>): device, subnet, flags and address counts.</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniEni")]
[OutputType(typeof(NodeEniInfo))]
public sealed class GetVpcCniEniCommand : VpcCniEndpointCmdlet
{
    /// <summary>ENI ids to keep; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? EniId { get; set; }

    /// <summary>Also return each ENI's addresses with their pods.</summary>
    [Parameter]
    public SwitchParameter IncludeAddress { get; set; }

    protected override void ProcessRecord() =>
        WriteMatching(Read(Endpoint, (c, ct) => c.GetEnisAsync(IncludeAddress.IsPresent, ct), "Reading /v1/enis"), EniId, e => e.EniId);
}
