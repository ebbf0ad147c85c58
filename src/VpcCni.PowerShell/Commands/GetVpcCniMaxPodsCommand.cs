using System.Management.Automation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Capacity;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Calculates the kubelet max-pods value for instance types, as the EKS AMI's
/// <c>max-pods-calculator.sh</c> does: from the built-in limits table, explicit limits, or (when an
/// AWS parameter is given) EC2 DescribeInstanceTypes for a type the table does not know.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniMaxPods", DefaultParameterSetName = ByTypeSet)]
[OutputType(typeof(MaxPodsResult))]
public sealed class GetVpcCniMaxPodsCommand : VpcCniCapacityCmdlet
{
    private const string ByTypeSet = "ByType";
    private const string FromImdsSet = "FromImds";

    /// <summary>Instance types; optional when -EniLimit and -Ipv4PerEni are given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTypeSet)]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    public string[]? InstanceType { get; set; }

    /// <summary>Calculate for the instance this runs on: type and region from IMDS (--instance-type-from-imds).</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromImdsSet)]
    public SwitchParameter FromImds { get; set; }

    /// <summary>Return the raw figure, without the 110/250 vCPU ceiling.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ShowMaxAllowed { get; set; }

    /// <summary>AWS region for DescribeInstanceTypes (the name AWS.Tools uses, so its completer applies).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>EC2 endpoint override, as AWS_EC2_ENDPOINT.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>IMDS base URL, as AWS_EC2_METADATA_SERVICE_ENDPOINT.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ImdsEndpoint { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        OpenAwsLookup(FromImds.IsPresent, Region, EndpointUrl, ImdsEndpoint);
    }

    protected override void ProcessRecord()
    {
        if (FromImds.IsPresent)
        {
            if (Lookup(ct => AwsLookup!.LookupLocalInstanceAsync(ct), "Reading this instance's type from instance metadata", "FromImds") is { } local)
            {
                Calculate(local.InstanceType, local);
            }

            return;
        }

        foreach (var type in TypesOrNone(InstanceType))
        {
            // Explicit limits need no lookup; without an AWS parameter the calculator reads the table itself.
            if (AwsLookup is null || type is null || (EniLimit is not null && Ipv4PerEni is not null))
            {
                Calculate(type, null);
            }
            else if (Lookup(ct => AwsLookup.LookupAsync(type, ct), $"Resolving {type} through EC2 DescribeInstanceTypes", type) is { } found)
            {
                Calculate(type, found);
            }
        }
    }

    private void Calculate(string? type, InstanceLimitsLookupResult? found) =>
        WriteResult(
            () => MaxPodsCalculator.Default.Calculate(InstanceRequest(
                type, ShowMaxAllowed.IsPresent, found?.Origin == InstanceLimitsOrigin.Ec2 ? found.Limits : null)),
            type);
}
