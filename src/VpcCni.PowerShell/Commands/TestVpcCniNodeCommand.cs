using System.Management.Automation;
using VpcCni.Engine.Aws.Iam;
using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Runs the troubleshooting checks on a node (docs/cmdlets/Test-VpcCniNode.md, "Troubleshooting"):
/// one object per check with its verdict, what it saw and what to do. A check that cannot read what
/// it needs reports so; the cmdlet itself fails only for bad parameters.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "VpcCniNode")]
[OutputType(typeof(NodeCheckResult))]
public sealed class TestVpcCniNodeCommand : VpcCniEndpointCmdlet
{
    /// <summary>The checks to run (all when omitted).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NodeCheckNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Check { get; set; }

    /// <summary>AWS region for EC2; default AWS_REGION, then instance metadata.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>A named profile of the shared AWS credentials file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>EC2 endpoint override, as AWS_EC2_ENDPOINT (a simulation object binds its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EndpointUrl")]
    [ValidateNotNullOrEmpty]
    public string? Ec2Endpoint { get; set; }

    /// <summary>IMDS base URL, as AWS_EC2_METADATA_SERVICE_ENDPOINT (a simulation object binds its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ImdsEndpoint { get; set; }

    /// <summary>The node's checkpoint file (a simulation object binds its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Checkpoint")]
    [ValidateNotNullOrEmpty]
    public string CheckpointPath { get; set; } = CheckpointPaths.DefaultPath;

    /// <summary>The network namespace the kernel checks read (an ip netns name or a path); the current one when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NetworkNamespace { get; set; }

    /// <summary>The node's address family, whose EC2 actions the IAM check probes.</summary>
    [Parameter]
    [ValidateSet("IPv4", "IPv6")]
    public string IpFamily { get; set; } = "IPv4";

    /// <summary>The node's CLUSTER_NAME, for the policy statements a failed IAM check proposes.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    protected override void ProcessRecord()
    {
        var options = new NodeCheckOptions
        {
            IntrospectionEndpoint = Endpoint,
            Ec2Endpoint = Ec2Endpoint ?? Variable("AWS_EC2_ENDPOINT"),
            Region = Region ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION"),
            ProfileName = ProfileName,
            ImdsEndpoint = ImdsEndpoint ?? Variable("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? "http://169.254.169.254",
            CheckpointPath = CheckpointPath,
            NetworkNamespace = NetworkNamespace,
            IpFamily = Enum.Parse<IamIpFamily>(IpFamily, ignoreCase: true),
            ClusterName = ClusterName,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
        };
        IReadOnlyList<INodeCheck> checks;
        NodeCheckContext context;
        try
        {
            checks = NodeChecks.Select(Check);
            context = NodeCheckContext.Open(options);
        }
        catch (VpcCniException ex)
        {
            ReportError(ex, Endpoint);
            return;
        }

        using (context)
        {
            foreach (var check in checks)
            {
                WriteObject(Wait(new ValueTask<NodeCheckResult>(NodeCheckRunner.RunOneAsync(context, check, CancellationToken)), MyInvocation.MyCommand.Name, check.Description));
            }
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
