import { BRAND_STATUSES, DASHBOARD_SORTS, dashboardSearch, PROFILE_STATUSES } from "../lib/dashboard/schema";
import { STAGE_IDS } from "../lib/dashboard/stages";
import { bulkCustomer } from "../tests/support/bulk-customers";

/**
 * What staff ask the dashboard, for its benchmark (#27 line 4: "with search, every filter and every
 * sort"): no filter; a search by a word of the name, by two words, by a name that matches one
 * customer, by a registration number (its blind index), and by a word nobody has; every stage (and
 * "needs attention"), every Trust Hub and brand status; every sort, each on the first page and on a
 * page deep in the list; and a search, a filter and a sort together. As address-bar query strings.
 */
export function dashboardQueries(customers: number): string[] {
  const someone = bulkCustomer(Math.floor(customers / 2));
  const deepPage = Math.max(1, Math.floor(customers / 25 / 2));
  return [
    "",
    dashboardSearch({ q: "bakery" }),
    dashboardSearch({ q: "dental llc" }),
    dashboardSearch({ q: someone.name }),
    dashboardSearch({ q: someone.registrationNumber }),
    dashboardSearch({ q: "zzzz-nobody" }),
    ...[...STAGE_IDS, "attention"].map((stage) => dashboardSearch({ stage })),
    ...PROFILE_STATUSES.map((profile) => dashboardSearch({ profile })),
    ...BRAND_STATUSES.map((brand) => dashboardSearch({ brand })),
    ...DASHBOARD_SORTS.flatMap(({ value: sort }) => [
      dashboardSearch({ sort }),
      dashboardSearch({ sort, page: deepPage }),
    ]),
    dashboardSearch({ q: "plumbing", brand: "APPROVED", sort: "name" }),
  ];
}
