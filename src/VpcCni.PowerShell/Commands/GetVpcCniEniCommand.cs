using System.Management.Automation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gets the ENIs a running node tracks (<c>/v1/enis</c>): device, subnet, flags and address counts;
/// or, with -InstanceId, the ENIs EC2 shows attached to an instance (DescribeNetworkInterfaces
/// filtered on <c>attachment.instance-id</c>), from a workstation.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniEni", DefaultParameterSetName = NodeSet)]
[OutputType(typeof(NodeEniInfo), ParameterSetName = [NodeSet])]
[OutputType(typeof(Ec2NetworkInterface), ParameterSetName = [Ec2Set])]
public sealed class GetVpcCniEniCommand : VpcCniEndpointCmdlet
{
    private const string NodeSet = "Node";
    private const string Ec2Set = "Ec2";
    private readonly WorkstationEc2Connections _connections = new();

    /// <summary>ENI ids to keep; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? EniId { get; set; }

    /// <summary>Also return each ENI's addresses with their pods.</summary>
    [Parameter(ParameterSetName = NodeSet)]
    public SwitchParameter IncludeAddress { get; set; }

    /// <summary>Instances whose attached ENIs EC2 lists.</summary>
    [Parameter(Mandatory = true, ParameterSetName = Ec2Set)]
    [ValidatePattern("^i-[0-9a-f]+$")]
    public string[] InstanceId { get; set; } = [];

    /// <summary>AWS region; default AWS_REGION, AWS_DEFAULT_REGION, then the profile's.</summary>
    [Parameter(ParameterSetName = Ec2Set)]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>A profile of ~/.aws/config and ~/.aws/credentials; default the SDK's credential chain.</summary>
    [Parameter(ParameterSetName = Ec2Set)]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>EC2 endpoint override, as AWS_EC2_ENDPOINT (a simulation's Ec2Endpoint binds by property name).</summary>
    [Parameter(ParameterSetName = Ec2Set, ValueFromPipelineByPropertyName = true)]
    [Alias("Ec2Endpoint")]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == NodeSet)
        {
            WriteMatching(Read(Endpoint, (c, ct) => c.GetEnisAsync(IncludeAddress.IsPresent, ct), "Reading /v1/enis"), EniId, e => e.EniId);
            return;
        }

        Engine.Aws.Workstation.WorkstationEc2 ec2;
        try
        {
            ec2 = _connections.Get(Region, ProfileName, EndpointUrl);
        }
        catch (Engine.Errors.VpcCniException ex)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(ex, Region));
            return;
        }

        foreach (var instance in InstanceId)
        {
            var query = Ec2DescribeQuery.Where(Ec2Filter.Of("attachment.instance-id", instance));
            try
            {
                var enis = Wait(new ValueTask<IReadOnlyList<Ec2NetworkInterface>>(ec2.Api.DescribeNetworkInterfacesAsync(query, CancellationToken)), MyInvocation.MyCommand.Name, $"Describing the ENIs of {instance}");
                WriteMatching(enis.OrderBy(e => e.Attachment?.NetworkCardIndex).ThenBy(e => e.Attachment?.DeviceIndex), EniId, e => e.NetworkInterfaceId);
            }
            catch (Engine.Errors.VpcCniException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, instance));
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connections.Dispose();
        }

        base.Dispose(disposing);
    }
}
