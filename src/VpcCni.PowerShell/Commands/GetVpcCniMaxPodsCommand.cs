using System.Management.Automation;
using VpcCni.Engine.Capacity;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Calculates the kubelet max-pods value for instance types, as the EKS AMI's
/// <c>max-pods-calculator.sh</c> does, from the built-in limits table or explicit limits.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniMaxPods")]
[OutputType(typeof(MaxPodsResult))]
public sealed class GetVpcCniMaxPodsCommand : VpcCniCapacityCmdlet
{
    /// <summary>Instance types; optional when -EniLimit and -Ipv4PerEni are given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    public string[]? InstanceType { get; set; }

    /// <summary>Return the raw figure, without the 110/250 vCPU ceiling.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ShowMaxAllowed { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var type in TypesOrNone(InstanceType))
        {
            WriteResult(() => MaxPodsCalculator.Default.Calculate(InstanceRequest(type, ShowMaxAllowed.IsPresent)), type);
        }
    }
}
