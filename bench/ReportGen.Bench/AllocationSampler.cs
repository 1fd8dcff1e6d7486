using System.Diagnostics.Tracing;

/// <summary>
/// What a run allocates, by type: the runtime's allocation ticks (one event about every 100 KB
/// allocated, naming the type of the object that crossed the mark), counted in-process. A sample,
/// not an exact count, but enough to see which types the garbage collector spends its time on.
/// </summary>
sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private readonly object _lock = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int typeIndex = e.PayloadNames!.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0) return;
        string type = e.Payload[typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        lock (_lock) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }

    public void Print(int top = 25)
    {
        lock (_lock)
        {
            long total = _bytesByType.Values.Sum();
            Console.WriteLine($"allocations sampled: {total / 1024.0 / 1024.0:F0} MB; by type:");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine($"  {bytes / 1024.0 / 1024.0,8:F1} MB  {bytes * 100.0 / total,5:F1} %  {type}");
        }
    }
}
