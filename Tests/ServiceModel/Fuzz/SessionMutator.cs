using System.Text;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// Makes hostile clients out of the recorded sessions, deterministically from a seed: flipped bits, truncations,
/// huge size fields, bogus dictionary IDs, oversize string tables, malformed binary XML, wrong actions and records
/// out of order. Each case says whether its mutation certainly breaks the session (see <see cref="FuzzCase.MustFail"/>).
/// </summary>
public sealed class SessionMutator(int seed)
{
    /// <summary>The first wire ID past the [MC-NBFS] static dictionary (487 strings, IDs 0x00–0x3CC).</summary>
    private const int FirstUnknownStaticId = 0x3CE;

    private const int ActionDictionaryId = 0x0A;
    private const int MaxSessionSize = 2048;
    private const string ContractActions = "urn:harness/IEchoService/";
    private static readonly string[] Operations = ["Echo", "Notify", "GetNotifyCount", "StartCallbacks", "CallMeBack", "Fail", "Crash"];

    private delegate Mutation Mutate(RecordedClientSession session, Random random);

    /// <summary>What a mutation did: the records to send, whether to end the session after them, and what must follow.</summary>
    private sealed record Mutation(string Description, List<byte[]> Records, bool MustFail, bool SendEnd = true, FramingFault? ExpectedFault = null);

    private static readonly (string Kind, Mutate Mutate)[] Kinds =
    [
        ("flipped bits", FlipBits),
        ("truncation", Truncate),
        ("huge size field", HugeSizeField),
        ("bogus dictionary ID", BogusDictionaryId),
        ("oversize string table", OversizeStringTable),
        ("malformed XML", MalformedXml),
        ("wrong action", WrongAction),
        ("records out of order", OutOfOrder),
    ];

    public static IReadOnlyList<string> KindNames => Kinds.Select(k => k.Kind).ToList();

    /// <summary><paramref name="perKind"/> cases of every kind, interleaved, numbered from 0.</summary>
    public IEnumerable<FuzzCase> Generate(IReadOnlyList<RecordedClientSession> sessions, int perKind)
    {
        var number = 0;
        for (var round = 0; round < perKind; round++)
        {
            foreach (var (kind, mutate) in Kinds)
            {
                // A generator per case: a case can be regenerated from its number alone, whatever the others did.
                var random = new Random(unchecked(seed * 1_000_003 + number));
                var session = sessions[random.Next(sessions.Count)];
                var mutation = mutate(session, random);
                IEnumerable<byte> bytes = mutation.Records.SelectMany(r => r);
                if (mutation.SendEnd)
                    bytes = bytes.Append((byte)FramingRecordType.End);
                yield return new FuzzCase(number++, kind, $"{session.Name}: {mutation.Description}", bytes.ToArray(), mutation.MustFail, mutation.ExpectedFault);
            }
        }
    }

    private static Mutation FlipBits(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        // Mostly envelopes, sometimes the preamble.
        var index = random.Next(4) == 0 ? random.Next(session.PreambleCount) : Pick(random, session.EnvelopeIndexes);
        var record = records[index];
        var flips = 1 + random.Next(4);
        var what = new List<string>();
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(record.Length);
            var bit = random.Next(8);
            record[at] ^= (byte)(1 << bit);
            what.Add($"{at}.{bit}");
        }
        return new($"record {index}: flipped bits {string.Join(", ", what)}", records, MustFail: false);
    }

    private static Mutation Truncate(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        if (random.Next(2) == 0)
        {
            // The stream stops short and the client half-closes: never an orderly end.
            var all = records.SelectMany(r => r).ToArray();
            var cut = 1 + random.Next(all.Length - 1);
            return new($"stream cut at byte {cut} of {all.Length}, then half-closed", [all[..cut]], MustFail: true, SendEnd: false);
        }
        // One record loses its tail but keeps its size field, so the records after it are misread.
        var index = Pick(random, session.EnvelopeIndexes);
        var keep = 1 + random.Next(records[index].Length - 1);
        records[index] = records[index][..keep];
        return new($"record {index} cut to {keep} bytes, the rest sent as they were", records, MustFail: false);
    }

    private static Mutation HugeSizeField(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var index = Pick(random, session.EnvelopeIndexes);
        var envelope = SizedEnvelope.Parse(records[index]);
        var payload = envelope.Payload();
        var huge = random.Next(65_537, int.MaxValue);
        switch (random.Next(6))
        {
            case 0:
                records[index] = [(byte)FramingRecordType.SizedEnvelope, .. SizedEnvelope.VarInt(huge), .. payload];
                return new($"record {index}: envelope size {huge}", records, MustFail: true, ExpectedFault: FramingFault.MaxMessageSizeExceeded);
            case 1:
                byte[] invalid = random.Next(2) == 0 ? [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] : [0xFF, 0xFF, 0xFF, 0xFF, 0x7F];
                records[index] = [(byte)FramingRecordType.SizedEnvelope, .. invalid, .. payload];
                return new($"record {index}: envelope size field {Convert.ToHexString(invalid)}", records, MustFail: true);
            case 2:
                MultiByteInt31.TryRead(payload, out _, out var tableField);
                records[index] = SizedEnvelope.Frame([.. SizedEnvelope.VarInt(huge), .. payload[tableField..]]);
                return new($"record {index}: string table size {huge}", records, MustFail: true);
            case 3 when envelope.TableStrings.Count > 0:
                // The first string claims to be huge; its bytes (and everything after) are then read as its text.
                var entries = envelope.TableStrings.SelectMany(s => SizedEnvelope.VarInt(s.Length).Concat(s)).ToArray();
                var first = envelope.TableStrings[0].Length;
                byte[] table = [.. SizedEnvelope.VarInt(huge), .. entries[SizedEnvelope.VarInt(first).Length..]];
                records[index] = SizedEnvelope.Frame([.. SizedEnvelope.VarInt(table.Length), .. table, .. envelope.Xml]);
                return new($"record {index}: first session string size {huge}", records, MustFail: true);
            case 4:
                var via = session.Records.Select((r, i) => (r, i)).First(x => x.r[0] == (byte)FramingRecordType.Via).i;
                MultiByteInt31.TryRead(records[via].AsSpan(1), out _, out var viaField);
                var viaText = records[via][(1 + viaField)..];
                var viaSize = random.Next(2049, int.MaxValue);
                records[via] = [(byte)FramingRecordType.Via, .. SizedEnvelope.VarInt(viaSize), .. viaText];
                return new($"Via size {viaSize}", records, MustFail: true, ExpectedFault: FramingFault.ViaTooLong);
            default:
                var xml = envelope.Xml;
                var references = NbfxRecords.Parse(xml).Where(r => r.HasDictionaryId).ToList();
                var reference = references[random.Next(references.Count)];
                records[index] = (envelope with { Xml = ReplaceDictionaryId(xml, reference, int.MaxValue) }).ToRecord();
                return new($"record {index}: dictionary ID at {reference.DictionaryIdOffset} set to 2^31-1", records, MustFail: true);
        }
    }

    private static Mutation BogusDictionaryId(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var index = Pick(random, session.EnvelopeIndexes);
        var envelope = SizedEnvelope.Parse(records[index]);
        var references = NbfxRecords.Parse(envelope.Xml).Where(r => r.HasDictionaryId).ToList();
        var reference = references[random.Next(references.Count)];
        // Even IDs name static strings, odd IDs session strings: both kinds, each past the end of its dictionary.
        var id = random.Next(2) == 0
            ? FirstUnknownStaticId + 2 * random.Next(100_000)
            : 2 * (1_000 + random.Next(100_000)) + 1;
        records[index] = (envelope with { Xml = ReplaceDictionaryId(envelope.Xml, reference, id) }).ToRecord();
        return new($"record {index}: record 0x{reference.Type:X2} at {reference.Offset} refers to ID {id}", records, MustFail: true);
    }

    private static Mutation OversizeStringTable(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var index = Pick(random, session.EnvelopeIndexes);
        var envelope = SizedEnvelope.Parse(records[index]);
        // Appended after the message's own strings, so the IDs its XML uses still mean what they meant.
        (string What, byte[][] Extra) added = random.Next(4) switch
        {
            0 => ("70 strings of 30 characters", Enumerable.Range(0, 70).Select(_ => RandomAscii(random, 30)).ToArray()),
            1 => ("one string over the session quota", [RandomAscii(random, MaxSessionSize + 1 + random.Next(6_000))]),
            2 => ($"{MaxSessionSize + 1} empty strings", Enumerable.Range(0, MaxSessionSize + 1).Select(_ => Array.Empty<byte>()).ToArray()),
            _ => ("a string that is not UTF-8", [[0x41, 0xC3, 0x28, 0xFF, 0x42]]),
        };
        records[index] = (envelope with { TableStrings = [.. envelope.TableStrings, .. added.Extra] }).ToRecord();
        return new($"record {index}: {added.What}", records, MustFail: true);
    }

    private static Mutation MalformedXml(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var index = Pick(random, session.EnvelopeIndexes);
        var envelope = SizedEnvelope.Parse(records[index]);
        var xml = envelope.Xml;
        var parsed = NbfxRecords.Parse(xml);
        string what;
        byte[] mutated;
        var mustFail = true;
        switch (random.Next(5))
        {
            case 0:
                // One element left open: a record that ends an element loses that.
                var closers = parsed.Where(r => r.IsEndElement || r.IsTextWithEndElement).ToList();
                var closer = closers[random.Next(closers.Count)];
                if (closer.IsEndElement)
                    mutated = [.. xml[..closer.Offset], .. xml[(closer.Offset + 1)..]];
                else
                {
                    mutated = (byte[])xml.Clone();
                    mutated[closer.Offset] &= 0xFE;
                }
                what = $"end of element removed at {closer.Offset}";
                break;
            case 1:
                // One end too many: wherever it goes, the document closes its root and then has one more end.
                var at = random.Next(parsed.Count + 1);
                var offset = at == parsed.Count ? xml.Length : parsed[at].Offset;
                mutated = [.. xml[..offset], 0x01, .. xml[offset..]];
                what = $"extra end element at {offset}";
                break;
            case 2:
                var victim = parsed[random.Next(parsed.Count)];
                var type = random.Next(2) == 0 ? (byte)(0x78 + random.Next(8)) : (byte)(0xC0 + random.Next(64));
                mutated = (byte[])xml.Clone();
                mutated[victim.Offset] = type;
                what = $"record at {victim.Offset} given the undefined type 0x{type:X2}";
                break;
            case 3:
                var keep = random.Next(parsed.Count);
                mutated = xml[..parsed[keep].Offset];
                what = $"document cut after {keep} of {parsed.Count} records";
                break;
            default:
                // Two neighbouring records swapped: often still well-formed, so anything may follow.
                var first = random.Next(parsed.Count - 1);
                var (a, b) = (parsed[first], parsed[first + 1]);
                mutated = [.. xml[..a.Offset], .. xml.AsSpan(b.Offset, b.Length), .. xml.AsSpan(a.Offset, a.Length), .. xml[(b.Offset + b.Length)..]];
                what = $"records at {a.Offset} and {b.Offset} swapped";
                mustFail = false;
                break;
        }
        records[index] = (envelope with { Xml = mutated }).ToRecord();
        return new($"record {index}: {what}", records, mustFail);
    }

    private static Mutation WrongAction(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var index = Pick(random, session.TwoWayRequestIndexes);
        var envelope = SizedEnvelope.Parse(records[index]);
        var xml = envelope.Xml;
        var parsed = NbfxRecords.Parse(xml);
        var element = parsed.FindIndex(r => r.IsElement && r.HasDictionaryId && r.DictionaryId(xml) == ActionDictionaryId);
        var content = element + 1;
        while (parsed[content].IsAttribute)
            content += 2;
        var original = ActionText(session, index, parsed[content], xml);
        var candidates = Operations.Select(op => ContractActions + op)
            .Concat([ContractActions + "Nope", "", Encoding.ASCII.GetString(RandomAscii(random, 1 + random.Next(200)))])
            .Where(action => action != original)
            .ToList();
        var action = candidates[random.Next(candidates.Count)];
        var text = Encoding.UTF8.GetBytes(action);
        // Chars8TextWithEndElement: the action inline instead of a reference to the session string.
        byte[] replacement = [0x99, (byte)text.Length, .. text];
        var record = parsed[content];
        records[index] = (envelope with { Xml = [.. xml[..record.Offset], .. replacement, .. xml[(record.Offset + record.Length)..]] }).ToRecord();
        return new($"record {index}: action '{original}' became '{action}'", records, MustFail: true);
    }

    private static Mutation OutOfOrder(RecordedClientSession session, Random random)
    {
        var records = Copy(session);
        var preamble = session.PreambleCount;
        var envelopes = session.EnvelopeIndexes;
        switch (random.Next(7))
        {
            case 0:
                var i = random.Next(preamble);
                var j = (i + 1 + random.Next(preamble - 1)) % preamble;
                (records[i], records[j]) = (records[j], records[i]);
                return new($"preamble records {i} and {j} swapped", records, MustFail: true);
            case 1:
                var moved = Pick(random, envelopes);
                var envelope = records[moved];
                records.RemoveAt(moved);
                var into = random.Next(preamble);
                records.Insert(into, envelope);
                return new($"envelope {moved} moved into the preamble at {into}", records, MustFail: true);
            case 2:
                var preambleCopy = records.Take(preamble).ToList();
                var after = Pick(random, envelopes) + 1;
                records.InsertRange(after, preambleCopy);
                return new($"the preamble again after record {after - 1}", records, MustFail: true);
            case 3 when envelopes.Count > 1:
                var a = Pick(random, envelopes);
                var b = Pick(random, envelopes.Where(e => e != a).ToList());
                (records[a], records[b]) = (records[b], records[a]);
                return new($"envelopes {a} and {b} swapped", records, MustFail: false);
            case 4:
                var duplicated = Pick(random, envelopes);
                var at = random.Next(duplicated + 1, records.Count + 1);
                records.Insert(at, (byte[])records[duplicated].Clone());
                return new($"envelope {duplicated} sent again at {at}", records, MustFail: false);
            case 5:
                var dropped = Pick(random, envelopes);
                records.RemoveAt(dropped);
                return new($"envelope {dropped} left out", records, MustFail: false);
            default:
                var endAt = Pick(random, envelopes);
                records.Insert(endAt, [(byte)FramingRecordType.End]);
                return new($"End before record {endAt}, the rest sent after it", records, MustFail: false);
        }
    }

    /// <summary>The action text an envelope's Action header names: inline, or a session string defined up to that envelope.</summary>
    private static string? ActionText(RecordedClientSession session, int envelopeIndex, NbfxRecord text, byte[] xml)
    {
        if (!text.HasDictionaryId)
            return null;
        var id = text.DictionaryId(xml);
        var strings = session.EnvelopeIndexes.Where(i => i <= envelopeIndex)
            .SelectMany(i => SizedEnvelope.Parse(session.Records[i]).TableStrings)
            .Select(s => Encoding.UTF8.GetString(s))
            .ToList();
        return id % 2 == 1 && id / 2 < strings.Count ? strings[id / 2] : null;
    }

    private static byte[] ReplaceDictionaryId(byte[] xml, NbfxRecord reference, int id) =>
        [.. xml[..reference.DictionaryIdOffset], .. SizedEnvelope.VarInt(id), .. xml[(reference.DictionaryIdOffset + reference.DictionaryIdLength)..]];

    private static List<byte[]> Copy(RecordedClientSession session) => session.Records.Select(r => (byte[])r.Clone()).ToList();

    private static int Pick(Random random, IReadOnlyList<int> indexes) => indexes[random.Next(indexes.Count)];

    private static byte[] RandomAscii(Random random, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
            bytes[i] = (byte)random.Next(0x21, 0x7F);
        return bytes;
    }
}
