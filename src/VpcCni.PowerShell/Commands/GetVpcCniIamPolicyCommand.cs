using System.Management.Automation;
using VpcCni.Engine.Aws.Iam;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gets the least-privilege IAM policy for the node role, generated from the EC2 actions the
/// engine calls (docs/iam.md); -AsJson returns the text for <c>aws iam create-policy --policy-document</c>.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniIamPolicy")]
[OutputType(typeof(IamPolicyDocument), typeof(string))]
public sealed class GetVpcCniIamPolicyCommand : VpcCniCmdlet
{
    /// <summary>The nodes' address family (ENABLE_IPv6).</summary>
    [Parameter(Position = 0)]
    [ValidateSet("IPv4", "IPv6")]
    public string IpFamily { get; set; } = "IPv4";

    /// <summary>The nodes' CLUSTER_NAME: narrows creating and changing ENIs to ENIs tagged for this cluster.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 256)]
    public string? ClusterName { get; set; }

    /// <summary>The ARN partition of the resources.</summary>
    [Parameter]
    [ValidateSet("aws", "aws-cn", "aws-us-gov")]
    public string Partition { get; set; } = "aws";

    /// <summary>Returns the policy as JSON text instead of an object.</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void ProcessRecord()
    {
        var request = new IamPolicyRequest
        {
            IpFamily = Enum.Parse<IamIpFamily>(IpFamily, ignoreCase: true),
            ClusterName = ClusterName,
            Partition = Partition,
        };
        WriteResult(() =>
        {
            var document = IamPolicyGenerator.Generate(request);
            return AsJson.IsPresent ? document.ToJson() : document;
        }, ClusterName);
    }
}
