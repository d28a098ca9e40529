// FollowTheMoney (FtM) JSON Lines export, for OCCRP Aleph and OpenSanctions
// tooling: one entity {"id","schema","properties"} a line, actors first.
//
// Actors: Person; Organization, or Company for a name with a company word
// (Bank, Ltd, Inc, ...) or PublicBody for a state body (Ministry, Agency, ...);
// a Country actor (a state acting: "Moscow", "the Kremlin") is a PublicBody
// with that country. Properties: name, alias, country (ISO-2, lower case;
// nationality too for people).
// Claims as FtM interval entities (DESIGN.md): fund -> Debt (a loan or
// credit in the evidence) or Payment; member -> Directorship (a leading role
// in the evidence) or Membership; collaborate -> Employment (a person working
// for an organisation) or Representation; social -> Associate (two people);
// every other relation, and any pair the schema cannot hold, -> UnknownLink
// with role = the relation ("not <relation>" when negated). Each carries
// startDate (the claim's time), summary (the evidence sentence), sourceUrl,
// publisher (the URL's host), recordId (the document id) and, for alleged
// claims, description "alleged".
// Ids are stable across runs and databases: "tg-" + a hash of the actor's
// kb_ref (else its type and normalised name); a claim's of its document,
// relation, ends, negation and evidence offset.
#pragma once

#include <ostream>
#include <string>

#include "tiegraph/io/export_network.h"
#include "tiegraph/status.h"

namespace tiegraph {

Status WriteFtm(const ExportNetwork& net, std::ostream& out);

// The FtM id and schema of an actor.
std::string FtmActorId(const StoredActor& actor);
std::string FtmActorSchema(const StoredActor& actor);

// The FtM schema a claim becomes, given its ends' schemas and its evidence.
struct FtmLinkSchema {
  std::string schema;       // "Membership", ..., "UnknownLink"
  std::string subject_prop; // property that holds the claim's subject
  std::string object_prop;  // property that holds the claim's object
};
FtmLinkSchema FtmClaimSchema(const StoredClaim& claim, const std::string& subject_schema,
                             const std::string& object_schema);

// 16 hex digits of a 64-bit FNV-1a hash.
std::string StableHash(std::string_view text);

}  // namespace tiegraph
