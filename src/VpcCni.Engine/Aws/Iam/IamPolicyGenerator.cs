using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws.Iam;

/// <summary>
/// Writes the least-privilege policy from <see cref="VpcCniIamCatalogue"/>: each action the
/// family's nodes call, on the resource types it needs, narrowed by tag to the cluster when a
/// cluster name is given (upstream <c>docs/iam-policy.md</c>, "Scope-down IAM policy per EKS
/// cluster", describes the tags). Actions with the same resources and conditions share a statement.
/// </summary>
public static partial class IamPolicyGenerator
{
    /// <summary>The tag the node writes on every ENI it creates when <c>CLUSTER_NAME</c> is set (Ec2EniProvider).</summary>
    public const string ClusterTagKey = "cluster.k8s.amazonaws.com/name";

    /// <summary>The whole policy for <paramref name="request"/>.</summary>
    public static IamPolicyDocument Generate(IamPolicyRequest request)
    {
        Validate(request);
        return Document(request, VpcCniIamCatalogue.All.Where(g => g.IsGrantedFor(request.IpFamily)));
    }

    /// <summary>Only the statements that grant <paramref name="actions"/>, as the remedy for a denial of them.</summary>
    public static IamPolicyDocument ForActions(IEnumerable<Ec2Action> actions, IamPolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(actions);
        Validate(request);
        return Document(request, actions.Distinct().Select(VpcCniIamCatalogue.Get));
    }

    private static IamPolicyDocument Document(IamPolicyRequest request, IEnumerable<IamActionGrant> grants)
    {
        var cluster = string.IsNullOrWhiteSpace(request.ClusterName) ? null : request.ClusterName.Trim();
        var pairs = grants.SelectMany(g => g.Resources.Select(r => (Grant: g, Resource: r, Condition: ConditionOf(g, r, cluster))));
        var statements = new List<IamPolicyStatement>();
        foreach (var byCondition in pairs.GroupBy(p => ConditionKey(p.Condition), StringComparer.Ordinal))
        {
            var actions = byCondition.GroupBy(p => p.Grant.Action)
                .Select(a => (Action: a.Key, Resources: a.Select(p => p.Resource.ResourceType).Order(StringComparer.Ordinal).ToArray()));
            foreach (var group in actions.GroupBy(a => string.Join(",", a.Resources), StringComparer.Ordinal))
            {
                var types = group.First().Resources;
                statements.Add(new IamPolicyStatement
                {
                    Sid = SidOf(types, byCondition.First().Condition),
                    Action = [.. group.Select(a => "ec2:" + a.Action).Order(StringComparer.Ordinal)],
                    Resource = [.. types.Select(t => t == "*" ? "*" : $"arn:{request.Partition}:ec2:*:*:{t}/*")],
                    Condition = byCondition.First().Condition,
                });
            }
        }

        return new IamPolicyDocument
        {
            Statement = [.. statements.OrderBy(s => s.Resource[0] == "*" ? 0 : 1).ThenBy(s => s.Sid, StringComparer.Ordinal)],
            IpFamily = request.IpFamily,
            ClusterName = cluster,
        };
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ConditionOf(IamActionGrant grant, IamResourceGrant resource, string? cluster)
    {
        var equals = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (grant.OnlyDuring is { } during)
        {
            equals["ec2:CreateAction"] = during.ToString();
        }

        if (cluster is not null && resource.ClusterTag != IamTagCondition.None)
        {
            var scope = resource.ClusterTag == IamTagCondition.RequestTag ? "aws:RequestTag/" : "aws:ResourceTag/";
            equals[scope + ClusterTagKey] = cluster;
        }

        return equals.Count == 0 ? new(StringComparer.Ordinal) : new(StringComparer.Ordinal) { ["StringEquals"] = equals };
    }

    private static string ConditionKey(Dictionary<string, IReadOnlyDictionary<string, string>> condition) =>
        string.Join(";", condition.SelectMany(o => o.Value.Select(kv => $"{o.Key}:{kv.Key}={kv.Value}")));

    /// <summary>A Sid (letters and digits only, IAM's rule) naming the resource types and the narrowing.</summary>
    private static string SidOf(string[] types, Dictionary<string, IReadOnlyDictionary<string, string>> condition)
    {
        if (types is ["*"])
        {
            return "DescribeWithoutResourceLevelPermissions";
        }

        var keys = condition.Values.SelectMany(v => v.Keys).ToArray();
        var suffix = (keys.Contains("ec2:CreateAction") ? "WhenCreating" : string.Empty)
            + (keys.Any(k => k.StartsWith("aws:RequestTag/", StringComparison.Ordinal)) ? "TaggedForCluster" : string.Empty)
            + (keys.Any(k => k.StartsWith("aws:ResourceTag/", StringComparison.Ordinal)) ? "OfCluster" : string.Empty);
        return "On" + string.Concat(types.Select(Pascal)) + suffix;
    }

    private static string Pascal(string resourceType) =>
        string.Concat(resourceType.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static void Validate(IamPolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cluster = request.ClusterName?.Trim() ?? string.Empty;

        // A cluster name becomes an EC2 tag value (at most 256 characters, EC2 User Guide "Tag restrictions").
        var error = cluster.Length > 256 || cluster.Any(char.IsControl)
                ? $"The cluster name '{cluster}' is not an EC2 tag value: at most 256 printable characters."
            : !Enum.IsDefined(request.IpFamily) ? $"The IP family {request.IpFamily} is neither IPv4 nor IPv6."
            : request.Partition is null || !PartitionPattern().IsMatch(request.Partition) ? $"The partition '{request.Partition}' is not 'aws' or 'aws-<name>' (aws-cn, aws-us-gov)."
            : null;
        if (error is not null)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Iam.InvalidPolicyRequest, error);
        }
    }

    [GeneratedRegex("^aws(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionPattern();
}
