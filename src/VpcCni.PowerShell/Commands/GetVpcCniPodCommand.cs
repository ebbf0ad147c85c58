using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets the pod address allocations of a running node (<c>/v1/pods</c>).</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniPod")]
[OutputType(typeof(NodePodAllocation))]
public sealed class GetVpcCniPodCommand : VpcCniEndpointCmdlet
{
    /// <summary>Pod names to keep; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Namespaces to keep; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    protected override void ProcessRecord()
    {
        var pods = Read(Endpoint, (c, ct) => c.GetPodsAsync(ct), "Reading /v1/pods");
        var inNamespace = Namespace is null ? pods : pods?.Where(p => Namespace.Any(n => new WildcardPattern(n, WildcardOptions.IgnoreCase).IsMatch(p.PodNamespace)));
        WriteMatching(inNamespace, Name, p => p.PodName);
    }
}
