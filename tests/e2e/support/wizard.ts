import { expect, type Page } from "@playwright/test";

import { ACME } from "../../support/acme";

export { ACME };

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toContainText("Saved", { timeout: 15_000 });
}

export async function fillBusiness(page: Page, business = ACME.business) {
  await page.getByLabel("Business Name", { exact: true }).fill(business.businessName);
  await page.getByRole("radio", { name: /We send messages to our own customers/ }).check();
  await page.getByLabel("Business Type").selectOption(business.businessType);
  await page.getByLabel("Business Industry").selectOption(business.businessIndustry);
  await page.getByLabel("Business Registration ID Type").selectOption(business.registrationIdType);
  await page.getByLabel("Business Registration Number").fill(business.registrationNumber);
  await page.getByRole("checkbox", { name: /USA and Canada/ }).check();
  await page.getByLabel("Website URL").fill(business.websiteUrl);
  await page.getByRole("button", { name: "Add a profile link" }).click();
  await page.getByLabel("Social Media Profile URL 1", { exact: true }).fill(business.socialMediaUrls[0]!);
}

export async function fillRepresentative(page: Page, rep = ACME.representatives.primary) {
  await page.getByLabel("First Name").fill(rep.firstName);
  await page.getByLabel("Last Name").fill(rep.lastName);
  await page.getByLabel("Email").fill(rep.email);
  await page.getByLabel("Phone Number Country").selectOption(rep.phoneCountry);
  await page.getByLabel("Phone Number", { exact: true }).fill(rep.phoneNumber);
  await page.getByLabel("Business Title").fill(rep.businessTitle);
  await page.getByLabel("Job Position").selectOption(rep.jobPosition);
}

export async function fillAddress(page: Page, address = ACME.address) {
  await page.getByLabel("Business Name on the Address").fill(address.customerName);
  await page.getByLabel("Country").selectOption(address.country);
  await page.getByLabel("Street Address", { exact: true }).fill(address.street);
  await page.getByLabel("City").fill(address.city);
  await page.getByLabel("State / Province / Region").selectOption(address.region);
  await page.getByLabel("Postal Code").fill(address.postalCode);
}

export async function fillCompany(page: Page, company = ACME.company) {
  await page.getByRole("radio", { name: /Public company/ }).check();
  await page.getByLabel("Stock Exchange", { exact: true }).selectOption(company.stockExchange);
  await page.getByLabel("Stock Ticker").fill(company.stockTicker);
  await page.getByLabel("Brand Contact Email").fill(company.brandContactEmail);
  await page.getByRole("radio", { name: /^Standard For most businesses/ }).check();
}

export async function next(page: Page, expectedStep: string) {
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(new RegExp(`/onboarding/${expectedStep}$`));
}

/** Fills every step (the seeds' Acme data, with this business and representative) and stops on the review step. */
export async function fillAll(page: Page, business = ACME.business, representative = ACME.representatives.primary) {
  await page.goto("/onboarding/business");
  await fillBusiness(page, business);
  await next(page, "representatives");
  await fillRepresentative(page, representative);
  await next(page, "address");
  await fillAddress(page, { ...ACME.address, customerName: business.businessName });
  await next(page, "company");
  await fillCompany(page);
  await next(page, "review");
  await expectSaved(page);
}
