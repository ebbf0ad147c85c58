extern alias KubernetesClientFull;

using System.Text.RegularExpressions;
using KubernetesClientFull::k8s.Models;
using static VpcCni.Engine.Tests.Manifests.PackagingManifests;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>The roles of <c>packaging/kubernetes/rbac.yaml</c> grant exactly the verbs docs/kubernetes-manifests.md lists and justifies, "RBAC".</summary>
public partial class RbacManifestTests
{
    [Fact]
    public void TheRolesGrantExactlyTheVerbsTheDocumentationJustifies()
    {
        var granted = Grants("ClusterRole", ClusterRole.Rules).Concat(Grants("Role", Role.Rules)).Order(StringComparer.Ordinal);

        Assert.Equal(Documented().Order(StringComparer.Ordinal), granted);
    }

    [Fact]
    public void NoRuleUsesAWildcardOrAResourceNameItCannotListBy()
    {
        foreach (var rule in ClusterRole.Rules.Concat(Role.Rules))
        {
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("*", rule.Resources);
            Assert.DoesNotContain("*", rule.ApiGroups);
        }
    }

    [Fact]
    public void TheNodeServiceReadsAndWritesOnlyItsCniNodePodAnnotationsAndEvents()
    {
        // Security groups for pods record the node's features on its CNINode (docs/security-groups-for-pods.md);
        // ANNOTATE_POD_IP patches pods; MissingIAMPermissions creates Events (docs/kubernetes.md, "What it writes").
        string[] writes = ["pods: patch", "events: create", "cninodes: get,list,watch,create,patch"];
        var rules = ClusterRole.Rules.Concat(Role.Rules).ToArray();

        Assert.All(rules.Where(r => !r.Verbs.SequenceEqual(["get", "list", "watch"])), rule =>
            Assert.Contains($"{Assert.Single(rule.Resources)}: {string.Join(',', rule.Verbs)}", writes));
        Assert.All(writes, write => Assert.Contains(rules, r => $"{string.Join(',', r.Resources)}: {string.Join(',', r.Verbs)}" == write));
    }

    [Fact]
    public void TheRolesGrantWhatTheServicesOwnPageSaysItNeeds()
    {
        // Rows of docs/kubernetes.md, "RBAC": | `nodes` | core | `get`, `list`, `watch` |
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "kubernetes.md"));
        var section = text[text.IndexOf("## RBAC", StringComparison.Ordinal)..];
        var needed = ServiceRow().Matches(section).Select(m =>
            $"{(m.Groups["group"].Value == "core" ? string.Empty : m.Groups["group"].Value.Trim('`'))} {m.Groups["resource"].Value}: " +
            string.Join(',', Code().Matches(m.Groups["verbs"].Value).Select(c => c.Groups[1].Value).Order(StringComparer.Ordinal)));
        var granted = Grants("ClusterRole", ClusterRole.Rules).Concat(Grants("Role", Role.Rules)).Select(g => g[(g.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(needed.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Grants(string kind, IEnumerable<V1PolicyRule> rules) =>
        from rule in rules
        from apiGroup in rule.ApiGroups
        from resource in rule.Resources
        select $"{kind} {apiGroup} {resource}: {string.Join(',', rule.Verbs.Order(StringComparer.Ordinal))}";

    // Rows of the "RBAC" table: | ClusterRole | `""` | `nodes` | `list`, `watch` | why |
    private static IEnumerable<string> Documented()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "kubernetes-manifests.md"));
        var section = text[text.IndexOf("## RBAC", StringComparison.Ordinal)..];
        foreach (Match row in Row().Matches(section))
        {
            var verbs = Code().Matches(row.Groups["verbs"].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
            foreach (Match group in Code().Matches(row.Groups["groups"].Value))
            {
                var apiGroup = group.Groups[1].Value == "\"\"" ? string.Empty : group.Groups[1].Value;
                yield return $"{row.Groups["kind"].Value} {apiGroup} {row.Groups["resource"].Value}: {string.Join(',', verbs)}";
            }
        }
    }

    [GeneratedRegex(@"^\| (?<kind>ClusterRole|Role) \| (?<groups>[^|]+) \| `(?<resource>[a-z]+)` \| (?<verbs>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"^\| `(?<resource>[a-z]+)`[^|]* \| (?<group>[^|]+?) \| (?<verbs>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ServiceRow();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Code();
}
