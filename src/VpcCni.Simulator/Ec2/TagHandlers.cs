namespace VpcCni.Simulator.Ec2;

/// <summary>CreateTags, DeleteTags, DescribeTags and the TagSpecification parameter (EC2 API Reference, CreateTags).</summary>
internal static class TagHandlers
{
    public const int MaxTagsPerResource = 50;

    private static readonly HashSet<string> Filters = new(StringComparer.Ordinal) { "resource-id", "resource-type", "key", "value" };

    public static void Create(Ec2Call call)
    {
        call.Request.Require("ResourceId.1");
        var resources = Resolve(call, call.Request.GetList("ResourceId"));
        var tags = call.Request.GetStructs("Tag").Select(t => (Key: t.Require("Key"), Value: t.Get("Value") ?? string.Empty)).ToList();
        if (tags.Count == 0)
        {
            throw Ec2Exception.Missing("Tag.1.Key");
        }

        CheckKeys(tags.Select(t => t.Key));
        foreach (var (_, target) in resources)
        {
            if (target.Keys.Union(tags.Select(t => t.Key), StringComparer.Ordinal).Count() > MaxTagsPerResource)
            {
                throw new Ec2Exception("TagLimitExceeded", $"The maximum number of tags per resource ({MaxTagsPerResource}) has been exceeded.");
            }
        }

        call.DryRunCheckpoint();
        foreach (var (_, target) in resources)
        {
            foreach (var (key, value) in tags)
            {
                target[key] = value;
            }
        }

        call.ReturnTrue();
    }

    public static void Delete(Ec2Call call)
    {
        call.Request.Require("ResourceId.1");
        var resources = Resolve(call, call.Request.GetList("ResourceId"));
        var tags = call.Request.GetStructs("Tag").Select(t => (Key: t.Require("Key"), Value: t.Get("Value"))).ToList();
        call.DryRunCheckpoint();
        foreach (var (_, target) in resources)
        {
            if (tags.Count == 0)
            {
                target.Clear();
            }

            foreach (var (key, value) in tags)
            {
                if (target.TryGetValue(key, out var current) && (value is null || value == current))
                {
                    target.Remove(key);
                }
            }
        }

        call.ReturnTrue();
    }

    public static void Describe(Ec2Call call)
    {
        var world = call.World;
        var filters = Ec2FilterSet.Parse(call.Request, Filters);
        call.DryRunCheckpoint();
        var all = new List<(string Id, string Type, string Key, string Value)>();
        void Add(string id, string type, Dictionary<string, string> tags) => all.AddRange(tags.Select(t => (id, type, t.Key, t.Value)));
        foreach (var e in world.NetworkInterfaces.Values)
        {
            Add(e.Id, "network-interface", e.Tags);
        }

        foreach (var i in world.Instances.Values)
        {
            Add(i.Id, "instance", i.Tags);
        }

        world.Subnets.ForEach(s => Add(s.Id, "subnet", s.Tags));
        world.SecurityGroups.ForEach(g => Add(g.Id, "security-group", g.Tags));
        foreach (var v in world.Vpcs.Values)
        {
            Add(v.Id, "vpc", v.Tags);
        }

        var selected = all
            .Where(t => filters.Matches(
                name => name switch
                {
                    "resource-id" => [t.Id],
                    "resource-type" => [t.Type],
                    "key" => [t.Key],
                    "value" => [t.Value],
                    _ => [],
                },
                new Dictionary<string, string>(StringComparer.Ordinal) { [t.Key] = t.Value }))
            .OrderBy(t => t.Id + "\n" + t.Key, StringComparer.Ordinal);
        var (page, next) = Ec2Paging.Page(selected, t => t.Id + "\n" + t.Key, call.Request, 5, 1000);
        var xml = call.Xml;
        xml.Start("tagSet");
        foreach (var t in page)
        {
            xml.Start("item");
            xml.Element("resourceId", t.Id);
            xml.Element("resourceType", t.Type);
            xml.Element("key", t.Key);
            xml.Element("value", t.Value);
            xml.End();
        }

        xml.End();
        xml.Element("nextToken", next);
    }

    /// <summary>Tags of <c>TagSpecification.N</c> for a resource type; other resource types are rejected.</summary>
    public static Dictionary<string, string> ParseTagSpecifications(Ec2QueryRequest request, string resourceType)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in request.GetStructs("TagSpecification"))
        {
            var type = spec.Get("ResourceType");
            if (type != resourceType)
            {
                throw Ec2Exception.Invalid($"'{type}' is not a valid taggable resource type for this operation (expected '{resourceType}').");
            }

            foreach (var tag in spec.GetStructs("Tag"))
            {
                tags[tag.Require("Key")] = tag.Get("Value") ?? string.Empty;
            }
        }

        CheckKeys(tags.Keys);
        if (tags.Count > MaxTagsPerResource)
        {
            throw new Ec2Exception("TagLimitExceeded", $"The maximum number of tags per resource ({MaxTagsPerResource}) has been exceeded.");
        }

        return tags;
    }

    private static void CheckKeys(IEnumerable<string> keys)
    {
        if (keys.FirstOrDefault(k => k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { } reserved)
        {
            throw Ec2Exception.Invalid($"Tag keys starting with 'aws:' are reserved for internal use ('{reserved}').");
        }
    }

    private static List<(string Id, Dictionary<string, string> Tags)> Resolve(Ec2Call call, List<string> ids)
    {
        var world = call.World;
        var resolved = new List<(string, Dictionary<string, string>)>();
        foreach (var id in ids)
        {
            // CreateTags/DeleteTags take ids of any resource type; a malformed one is InvalidID (AWS docs, "Error codes for the Amazon EC2 API").
            var prefix = id.LastIndexOf('-') is > 0 and var dash ? id[..dash] : string.Empty;
            if (!Ec2Ids.IsWellFormed(id, prefix))
            {
                throw new Ec2Exception("InvalidID", $"The ID '{id}' is not valid");
            }

            Dictionary<string, string>? tags = id switch
            {
                _ when id.StartsWith("eni-", StringComparison.Ordinal) => call.Eni(id).Tags,
                _ when id.StartsWith("i-", StringComparison.Ordinal) => call.Instance(id).Tags,
                _ when id.StartsWith("subnet-", StringComparison.Ordinal) => (world.Subnets.Find(s => s.Id == id) ?? throw Ec2Exception.SubnetNotFound(id)).Tags,
                _ when id.StartsWith("sg-", StringComparison.Ordinal) => (world.SecurityGroup(id) ?? throw Ec2Exception.GroupNotFound(id)).Tags,
                _ when id.StartsWith("vpc-", StringComparison.Ordinal) => world.Vpcs.TryGetValue(id, out var vpc) ? vpc.Tags : throw new Ec2Exception("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist"),
                _ => null,
            };
            resolved.Add((id, tags ?? throw new Ec2Exception("InvalidID", $"The ID '{id}' is not valid")));
        }

        return resolved;
    }
}
